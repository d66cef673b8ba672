using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>One proposal, keyed <c>{dao}/{seq}</c>: lifecycle, tally, timelock and execution.</summary>
[Alias("bt.IProposalGrain")]
public interface IProposalGrain : IGrainWithStringKey
{
    /// <summary>Creates the proposal; only its DAO calls this. Idempotent for the same setup.</summary>
    [Alias("Initialize")] Task<ProposalInfo> Initialize(ProposalSetup setup);

    /// <summary>The proposal with its state as of now.</summary>
    [Alias("GetInfo")] Task<ProposalInfo> GetInfo();

    /// <summary>The live tally (ballots that are durable).</summary>
    [Alias("GetTally")] Task<Tally> GetTally();

    /// <summary>A page of the current ballots, one per voter, ordered by voter address.</summary>
    [Alias("GetBallots")] Task<ImmutableArray<Ballot>> GetBallots(int offset, int limit);

    /// <summary>Counts a verified ballot exactly once by handing it to the voter's shard (clients may go to the shard directly).</summary>
    [Alias("CastBallot")] Task<BallotReceipt> CastBallot(BallotRequest ballot);

    /// <summary>What shards need to judge ballots: snapshot, deadline, class, shard count.</summary>
    [Alias("GetVotingTerms")] Task<VotingTerms> GetVotingTerms();

    /// <summary>A shard's latest tally (one-way), so the proposal can notice quorum and extend a late deadline.</summary>
    [OneWay, Alias("ReportTally")] Task ReportTally(int shard, long version, Tally tally);

    /// <summary>
    /// Subscribes (or renews) a watcher, told of every change at most a few times a second until it expires
    /// (<see cref="ProposalWatch.Expiry"/>) or unsubscribes; answers the proposal as it is now.
    /// </summary>
    [Alias("Watch")] Task<ProposalInfo> Watch(IProposalWatcher watcher);

    [Alias("Unwatch")] Task Unwatch(IProposalWatcher watcher);

    /// <summary>The proposer withdraws the proposal while it is still pending.</summary>
    [Alias("Cancel")] Task<ProposalInfo> Cancel(string actor);

    /// <summary>A guardian (of this DAO or an ancestor) vetoes the proposal during its timelock.</summary>
    [Alias("Veto")] Task<ProposalInfo> Veto(string actor, string reason);

    /// <summary>Executes a queued proposal whose eta has passed (also done automatically); anyone may ask.</summary>
    [Alias("Execute")] Task<ProposalInfo> Execute();

    /// <summary>Once voting has closed: proof that the voter's ballot is in the published ballot-set hash.</summary>
    [Alias("GetBallotProof")] Task<BallotProof> GetBallotProof(string voter);

    /// <summary>The voter's power at this proposal's snapshot, from its power source (every strategy, multiplied).</summary>
    [Alias("GetVotingPower")] Task<VoterPower> GetVotingPower(string voter);
}
