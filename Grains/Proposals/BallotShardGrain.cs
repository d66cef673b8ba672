using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Blocktrack.Grains.Voters;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Placement;

namespace Blocktrack.Grains.Proposals;

/// <summary>
/// One slice of a proposal's voters. Judges ballots against the proposal's voting terms, keeps one ballot per
/// voter, group-commits them to the ballot log (O(1) storage work per ballot) and answers once they are durable.
/// Reentrant so concurrent ballots share a commit; every decision is re-made after each await.
/// </summary>
[Reentrant]
[RandomPlacement] // a hot proposal's shards spread over the silos instead of landing beside the caller
public sealed partial class BallotShardGrain(
    [PersistentState(GovernanceStorage.BallotShardState, GovernanceStorage.Name)] IPersistentState<BallotShardState> state,
    IBallotLog log,
    TimeProvider clock,
    GovernanceMetrics metrics,
    ILogger<BallotShardGrain> logger) : Grain, IBallotShardGrain
{
    private readonly Dictionary<string, Ballot> _ballots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _durable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BigInteger> _power = new(StringComparer.Ordinal);
    private GroupCommit<Ballot>? _commits;
    private VotingTerms _terms = new();
    private Tally _tally = Tally.Empty;
    private long _logged;

    private string Key => this.GetPrimaryKeyString();
    private string ProposalId => Key[..Key.LastIndexOf('/')];
    private int ShardIndex => int.Parse(Key.AsSpan(Key.LastIndexOf('/') + 1));
    private static string DaoOf(string proposal) => proposal[..proposal.LastIndexOf('/')];
    private IProposalGrain Proposal => GrainFactory.GetGrain<IProposalGrain>(ProposalId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _terms = await Proposal.GetVotingTerms();
        var logged = await log.ReadAsync(Key, cancellationToken);
        foreach (var ballot in logged) _ballots[ballot.Voter] = ballot;
        _tally = Counting.Recompute(logged);
        _logged = logged.Count;
    }

    public Task<Tally> GetTally() => Task.FromResult(_tally);

    public Task<ImmutableArray<Ballot>> GetBallots(int count) =>
        Task.FromResult(_ballots.Values.OrderBy(b => b.Voter, StringComparer.Ordinal).Take(count).ToImmutableArray());

    public async Task<ShardResult> Seal()
    {
        if (!state.State.Sealed)
        {
            state.State.Sealed = true;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.Sealed = false; // not durably sealed: the proposal will ask again
                throw;
            }
        }
        await Commits.WhenIdle();
        return new ShardResult { Tally = _tally, Root = BallotSetHash.Compute(_ballots.Values) };
    }

    public async Task<BallotReceipt> CastBallot(BallotRequest request)
    {
        try
        {
            return await Cast(request);
        }
        catch (GovernanceException e)
        {
            metrics.BallotRefused(e.Error.ToString());
            logger.BallotRefused(ProposalId, request.Voter, e.Error.ToString(), e.Message);
            throw;
        }
    }

    private async Task<BallotReceipt> Cast(BallotRequest request)
    {
        BallotRules.Validate(request);
        BallotRules.RequireShard(request.Voter, _terms.Shards, ShardIndex);
        await RequireOpen();
        if (Admit(request) is { } duplicate) return await duplicate;
        var weight = await PowerOf(request.Voter);
        // Other ballots may have interleaved during the awaits: decide again on the current state.
        await RequireOpen();
        if (Admit(request) is { } raced) return await raced;
        Refuse.Unless(weight.Sign > 0, GovernanceError.InsufficientPower,
            $"{request.Voter} had no voting power at the snapshot ({_terms.Snapshot:u})");

        _ballots.TryGetValue(request.Voter, out var previous);
        var ballot = new Ballot
        {
            Voter = request.Voter,
            Support = request.Support,
            Weight = weight,
            Reason = request.Reason,
            Timestamp = request.Timestamp,
            Digest = request.Digest,
            Signature = request.Signature,
            RecordedAt = clock.GetUtcNow(),
        };
        _ballots[request.Voter] = ballot;
        _tally = Counting.Apply(_tally, previous, ballot);
        var durable = Commits.Submit(ballot);
        _durable[request.Voter] = durable;
        try
        {
            await durable;
        }
        catch (Exception e)
        {
            // Not durable: take it back out so the tally only ever holds logged ballots.
            logger.BallotRolledBack(e, ProposalId, request.Voter);
            if (_ballots.TryGetValue(request.Voter, out var current) && ReferenceEquals(current, ballot))
            {
                if (previous is null) _ballots.Remove(request.Voter); else _ballots[request.Voter] = previous;
                _tally = Counting.Recompute(_ballots.Values);
            }
            throw;
        }
        finally
        {
            if (_durable.TryGetValue(request.Voter, out var d) && d == durable) _durable.Remove(request.Voter);
        }
        metrics.BallotAccepted();
        return Receipt(ballot, replaced: previous is not null, duplicate: false);
    }

    private async Task Append(IReadOnlyList<Ballot> batch)
    {
        await log.AppendAsync(Key, batch);
        _logged += batch.Count;
        // One report per batch (not per ballot) lets the proposal notice quorum for the late-quorum rule.
        Proposal.ReportTally(ShardIndex, _logged, _tally).Ignore();
    }

    private async Task RequireOpen()
    {
        if (VotingWindow.NeedsFreshTerms(_terms, state.State.Sealed, clock.GetUtcNow())) _terms = await Proposal.GetVotingTerms();
        VotingWindow.RequireOpen(_terms, state.State.Sealed, clock.GetUtcNow());
    }

    /// <summary>Refuses what cannot be counted; returns the earlier receipt for an identical ballot, else null.</summary>
    private Task<BallotReceipt>? Admit(BallotRequest request)
    {
        _ballots.TryGetValue(request.Voter, out var counted);
        return BallotRules.Admit(counted, request, _terms.Class) == BallotAdmission.Duplicate ? WhenDurable(counted!) : null;
    }

    private async Task<BallotReceipt> WhenDurable(Ballot ballot)
    {
        if (_durable.TryGetValue(ballot.Voter, out var pending)) await pending;
        return Receipt(ballot, replaced: false, duplicate: true);
    }

    private BallotReceipt Receipt(Ballot ballot, bool replaced, bool duplicate) => new()
    {
        Proposal = ProposalId,
        Voter = ballot.Voter,
        Support = ballot.Support,
        Weight = ballot.Weight,
        Replaced = replaced,
        Duplicate = duplicate,
    };

    /// <summary>Made on first use: a field initializer cannot bind the instance's Append.</summary>
    private GroupCommit<Ballot> Commits => _commits ??= new GroupCommit<Ballot>(Append);

    private async Task<BigInteger> PowerOf(string voter)
    {
        if (_power.TryGetValue(voter, out var cached)) return cached;
        var snapshot = _terms.Snapshot.ToUnixTimeSeconds();
        var power = await PowerReader.VotesAt(GrainFactory, _terms.Class.PowerSource, DaoOf(ProposalId), voter, snapshot);
        // Power at a past snapshot never changes, so it can be remembered.
        _power[voter] = power;
        return power;
    }
}
