using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A DAO's participation ledger, keyed by the DAO's path: turns recorded facts (closed proposals and their ballots,
/// upheld moderations) into points, reputation and badges through the epoch and participant grains, each once per cause.
/// </summary>
[Alias("bt.IParticipationGrain")]
public interface IParticipationGrain : IGrainWithStringKey
{
    /// <summary>A proposal's ballots are sealed and counted; idempotent per proposal. Returns once the fact is durable.</summary>
    [Alias("ProposalClosed")] Task ProposalClosed(ClosedProposal fact);

    /// <summary>A moderator acted (called by the DAO); the act is upheld unless reversed within the appeal window.</summary>
    [Alias("ModerationRecorded")] Task ModerationRecorded(ModerationAction act);

    /// <summary>A milestone of grant <paramref name="grant"/> of this DAO was paid: its grantee earns the milestone points, once.</summary>
    [Alias("MilestoneDelivered")] Task MilestoneDelivered(string grant, int milestone, string grantee, long at);

    /// <summary>How far the ledger has got: proposals closed, facts still being turned into awards.</summary>
    [AlwaysInterleave, Alias("GetStatus")] Task<ParticipationStatus> GetStatus();
}

/// <summary>The progress of a DAO's participation ledger.</summary>
[GenerateSerializer, Immutable, Alias("bt.ParticipationStatus")]
public sealed record ParticipationStatus
{
    [Id(0)] public long ProposalsClosed { get; init; }
    [Id(1)] public int PendingProposals { get; init; }
    [Id(2)] public int PendingModerations { get; init; }
    [Id(3)] public long BallotsProcessed { get; init; }
}
