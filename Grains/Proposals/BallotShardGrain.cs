using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Blocktrack.Grains.Voters;
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
public sealed class BallotShardGrain : Grain, IBallotShardGrain
{
    private const int MaxReason = 1000;

    private readonly IPersistentState<BallotShardState> _state;
    private readonly IBallotLog _log;
    private readonly TimeProvider _clock;
    private readonly GovernanceMetrics _metrics;
    private readonly GroupCommit<Ballot> _commits;
    private readonly Dictionary<string, Ballot> _ballots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _durable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BigInteger> _power = new(StringComparer.Ordinal);
    private VotingTerms _terms = new();
    private Tally _tally = Tally.Empty;
    private long _logged;

    public BallotShardGrain(
        [PersistentState(GovernanceStorage.BallotShardState, GovernanceStorage.Name)] IPersistentState<BallotShardState> state,
        IBallotLog log, TimeProvider clock, GovernanceMetrics metrics)
    {
        _state = state;
        _log = log;
        _clock = clock;
        _metrics = metrics;
        _commits = new GroupCommit<Ballot>(Append);
    }

    private string Key => this.GetPrimaryKeyString();
    private string ProposalId => Key[..Key.LastIndexOf('/')];
    private int ShardIndex => int.Parse(Key.AsSpan(Key.LastIndexOf('/') + 1));
    private IProposalGrain Proposal => GrainFactory.GetGrain<IProposalGrain>(ProposalId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _terms = await Proposal.GetVotingTerms();
        var log = await _log.ReadAsync(Key, cancellationToken);
        foreach (var ballot in log) _ballots[ballot.Voter] = ballot;
        _tally = Counting.Recompute(log);
        _logged = log.Count;
    }

    public Task<Tally> GetTally() => Task.FromResult(_tally);

    public Task<ImmutableArray<Ballot>> GetBallots(int count) =>
        Task.FromResult(_ballots.Values.OrderBy(b => b.Voter, StringComparer.Ordinal).Take(count).ToImmutableArray());

    public async Task<ShardResult> Seal()
    {
        if (!_state.State.Sealed)
        {
            _state.State.Sealed = true;
            try
            {
                await _state.WriteStateAsync();
            }
            catch
            {
                _state.State.Sealed = false; // not durably sealed: the proposal will ask again
                throw;
            }
        }
        await _commits.WhenIdle();
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
            _metrics.BallotRefused(e.Error.ToString());
            throw;
        }
    }

    private async Task<BallotReceipt> Cast(BallotRequest request)
    {
        Validate(request);
        Refuse.Unless(BallotShards.Of(request.Voter, _terms.Shards) == ShardIndex, GovernanceError.InvalidArgument,
            $"{request.Voter} votes through shard {BallotShards.Of(request.Voter, _terms.Shards)}, not {ShardIndex}");
        await RequireOpen();
        if (Admit(request) is { } duplicate) return await duplicate;
        var weight = await PowerOf(request.Voter);
        // Other ballots may have interleaved during the awaits: decide again on the current state.
        await RequireOpen();
        if (Admit(request) is { } raced) return await raced;
        Refuse.Unless(weight.Sign > 0, GovernanceError.InsufficientPower, $"{request.Voter} had no voting power at the snapshot ({_terms.Snapshot:u})");

        _ballots.TryGetValue(request.Voter, out var previous);
        var ballot = new Ballot
        {
            Voter = request.Voter, Support = request.Support, Weight = weight, Reason = request.Reason,
            Timestamp = request.Timestamp, Digest = request.Digest, Signature = request.Signature, RecordedAt = _clock.GetUtcNow(),
        };
        _ballots[request.Voter] = ballot;
        _tally = Counting.Apply(_tally, previous, ballot);
        var durable = _commits.Submit(ballot);
        _durable[request.Voter] = durable;
        try
        {
            await durable;
        }
        catch
        {
            // Not durable: take it back out so the tally only ever holds logged ballots.
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
        _metrics.BallotAccepted();
        return Receipt(ballot, replaced: previous is not null, duplicate: false);
    }

    private async Task Append(IReadOnlyList<Ballot> batch)
    {
        await _log.AppendAsync(Key, batch);
        _logged += batch.Count;
        // One report per batch (not per ballot) lets the proposal notice quorum for the late-quorum rule.
        Proposal.ReportTally(ShardIndex, _logged, _tally).Ignore();
    }

    /// <summary>Voting is open from the second after the snapshot through the deadline, unless sealed, canceled or vetoed.</summary>
    private async Task RequireOpen()
    {
        var now = ProposalLifecycle.Truncate(_clock.GetUtcNow());
        if ((now > _terms.Deadline || !_terms.SnapshotFinal) && !_state.State.Sealed)
        {
            _terms = await Proposal.GetVotingTerms(); // the deadline may have been extended by late quorum
            now = ProposalLifecycle.Truncate(_clock.GetUtcNow());
        }
        var open = !_state.State.Sealed && _terms.Open && _terms.SnapshotFinal && now > _terms.Snapshot && now <= _terms.Deadline;
        Refuse.Unless(open, GovernanceError.ProposalNotActive,
            now <= _terms.Snapshot ? $"'{ProposalId}' is pending until {_terms.Snapshot:u}"
            : !_terms.SnapshotFinal ? $"'{ProposalId}' is pending until every mirrored chain has passed its snapshot"
            : $"voting on '{ProposalId}' is closed");
    }

    /// <summary>Refuses what cannot be counted; returns the earlier receipt for an identical ballot, else null.</summary>
    private Task<BallotReceipt>? Admit(BallotRequest request)
    {
        if (!_ballots.TryGetValue(request.Voter, out var existing)) return null;
        if (existing.Digest == request.Digest) return WhenDurable(existing);
        var cls = _terms.Class;
        Refuse.Unless(cls.AllowBallotChange, GovernanceError.AlreadyVoted, $"{request.Voter} has already voted and class '{cls.Name}' does not allow changes");
        Refuse.Unless(request.Timestamp > existing.Timestamp, GovernanceError.StaleBallot,
            $"a replacement ballot must be newer than the one counted (timestamp {existing.Timestamp})");
        return null;
    }

    private async Task<BallotReceipt> WhenDurable(Ballot ballot)
    {
        if (_durable.TryGetValue(ballot.Voter, out var pending)) await pending;
        return Receipt(ballot, replaced: false, duplicate: true);
    }

    private BallotReceipt Receipt(Ballot ballot, bool replaced, bool duplicate) => new()
    {
        Proposal = ProposalId, Voter = ballot.Voter, Support = ballot.Support, Weight = ballot.Weight,
        Replaced = replaced, Duplicate = duplicate,
    };

    private async Task<BigInteger> PowerOf(string voter)
    {
        if (_power.TryGetValue(voter, out var cached)) return cached;
        var power = await PowerReader.VotesAt(GrainFactory, _terms.Class.PowerSource, voter, _terms.Snapshot.ToUnixTimeSeconds());
        // Power at a past snapshot never changes, so it can be remembered.
        _power[voter] = power;
        return power;
    }

    private static void Validate(BallotRequest r)
    {
        Addresses.Require(r.Voter, "voter");
        Refuse.Unless(Enum.IsDefined(r.Support), GovernanceError.InvalidArgument, "support must be 0 (Against), 1 (For) or 2 (Abstain)");
        Refuse.Unless(r.Reason.Length <= MaxReason, GovernanceError.InvalidArgument, $"a reason is at most {MaxReason} characters");
        Refuse.Unless(r.Digest.Length == 66 && r.Digest.StartsWith("0x", StringComparison.Ordinal), GovernanceError.InvalidArgument, "digest must be 32 bytes of 0x hex");
    }
}
