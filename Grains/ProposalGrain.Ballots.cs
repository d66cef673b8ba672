using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains;

/// <summary>The ballot side of a proposal: power at the snapshot, one ballot per voter, group-committed to the log.</summary>
public sealed partial class ProposalGrain
{
    private const int MaxReason = 1000;

    private readonly Dictionary<string, Ballot> _ballots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _durable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BigInteger> _power = new(StringComparer.Ordinal);
    private Tally _tally = Tally.Empty;
    private Task? _quorumBase;

    public Task<Tally> GetTally()
    {
        _ = Setup;
        return Task.FromResult(_tally);
    }

    public Task<ImmutableArray<Ballot>> GetBallots(int offset, int limit)
    {
        _ = Setup;
        Refuse.Unless(offset >= 0 && limit is >= 1 and <= 1000, GovernanceError.InvalidArgument, "offset must be ≥ 0 and limit 1..1000");
        return Task.FromResult(_ballots.Values.OrderBy(b => b.Voter, StringComparer.Ordinal).Skip(offset).Take(limit).ToImmutableArray());
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
        _ = Setup;
        Validate(request);
        if (Admit(request) is { } duplicate) return await duplicate;
        var weight = await PowerOf(request.Voter);
        await EnsureQuorumBase();
        // Other ballots may have interleaved during the awaits: decide again on the current state.
        if (Admit(request) is { } raced) return await raced;
        Refuse.Unless(weight.Sign > 0, GovernanceError.InsufficientPower, $"{request.Voter} had no voting power at the snapshot ({S.Snapshot:u})");

        _ballots.TryGetValue(request.Voter, out var previous);
        var ballot = new Ballot
        {
            Voter = request.Voter, Support = request.Support, Weight = weight, Reason = request.Reason,
            Timestamp = request.Timestamp, Digest = request.Digest, Signature = request.Signature, RecordedAt = Now,
        };
        _ballots[request.Voter] = ballot;
        _tally = Counting.Apply(_tally, previous, ballot);
        var durable = _commits.Submit(ballot);
        _durable[request.Voter] = durable;
        var extended = ApplyLateQuorum();
        try
        {
            await durable;
        }
        catch
        {
            // Not durable: take it back out so the tally only ever holds logged ballots.
            if (_ballots.TryGetValue(request.Voter, out var current) && ReferenceEquals(current, ballot))
            {
                _tally = Counting.Recompute(_ballots.Values.Where(b => !ReferenceEquals(b, ballot)).Append(previous).OfType<Ballot>());
                if (previous is null) _ballots.Remove(request.Voter); else _ballots[request.Voter] = previous;
            }
            throw;
        }
        finally
        {
            if (_durable.TryGetValue(request.Voter, out var d) && d == durable) _durable.Remove(request.Voter);
        }
        if (extended) await Advance();
        _metrics.BallotAccepted();
        return Receipt(ballot, replaced: previous is not null, duplicate: false);
    }

    /// <summary>Refuses what cannot be counted now; returns the earlier receipt for an identical ballot, else null.</summary>
    private Task<BallotReceipt>? Admit(BallotRequest request)
    {
        var state = StateNow();
        Refuse.Unless(state == ProposalState.Active, GovernanceError.ProposalNotActive, $"'{Id}' is {state}, not active");
        if (!_ballots.TryGetValue(request.Voter, out var existing)) return null;
        if (existing.Digest == request.Digest) return WhenDurable(existing);
        Refuse.Unless(Class.AllowBallotChange, GovernanceError.AlreadyVoted, $"{request.Voter} has already voted and class '{Class.Name}' does not allow changes");
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
        Proposal = Id, Voter = ballot.Voter, Support = ballot.Support, Weight = ballot.Weight,
        Replaced = replaced, Duplicate = duplicate, Tally = _tally,
    };

    /// <summary>GovernorPreventLateQuorum: the first time quorum is reached, the deadline may move out.</summary>
    private bool ApplyLateQuorum()
    {
        if (S.QuorumReachedAt is not null || S.QuorumRequired is not { } required || !Counting.QuorumReached(_tally, required)) return false;
        var now = ProposalLifecycle.Truncate(Now);
        S.QuorumReachedAt = now;
        var deadline = ProposalLifecycle.ExtendForLateQuorum(S.Deadline, now, Class.LateQuorumExtension);
        if (deadline != S.Deadline)
        {
            S.Deadline = deadline;
            S.DeadlineExtended = true;
        }
        return true;
    }

    private async Task<BigInteger> PowerOf(string voter)
    {
        if (_power.TryGetValue(voter, out var cached)) return cached;
        var source = Class.PowerSource;
        var power = source.Kind == PowerSourceKind.Whitelist
            ? source.Weights.GetValueOrDefault(voter)
            : await GrainFactory.GetGrain<IVoterGrain>(voter).GetVotes(source.Token, S.Snapshot.ToUnixTimeSeconds());
        // Power at a past snapshot never changes, so it can be remembered.
        _power[voter] = power;
        return power;
    }

    /// <summary>Reads the votable power at the snapshot once voting has opened, and derives the quorum from it.</summary>
    private Task EnsureQuorumBase()
    {
        if (S.QuorumRequired is not null) return Task.CompletedTask;
        return _quorumBase is { IsCompleted: false } ? _quorumBase : _quorumBase = Load();

        async Task Load()
        {
            var source = Class.PowerSource;
            var votable = source.Kind == PowerSourceKind.Whitelist
                ? source.Weights.Values.Aggregate(BigInteger.Zero, (a, b) => a + b)
                : await GrainFactory.GetGrain<ITokenSupplyGrain>(source.Token).GetVotable(S.Snapshot.ToUnixTimeSeconds());
            S.VotableSupply = votable;
            S.QuorumRequired = Counting.QuorumRequired(votable, Class.QuorumBps);
            await _writer.Save();
        }
    }

    private async Task LoadBallots(CancellationToken cancellationToken)
    {
        var log = await _log.ReadAsync(Id, cancellationToken);
        _ballots.Clear();
        foreach (var ballot in log) _ballots[ballot.Voter] = ballot;
        _tally = Counting.Recompute(log);
    }

    private static void Validate(BallotRequest r)
    {
        Addresses.Require(r.Voter, "voter");
        Refuse.Unless(Enum.IsDefined(r.Support), GovernanceError.InvalidArgument, "support must be 0 (Against), 1 (For) or 2 (Abstain)");
        Refuse.Unless(r.Reason.Length <= MaxReason, GovernanceError.InvalidArgument, $"a reason is at most {MaxReason} characters");
        Refuse.Unless(r.Digest.Length == 66 && r.Digest.StartsWith("0x", StringComparison.Ordinal), GovernanceError.InvalidArgument, "digest must be 32 bytes of 0x hex");
    }
}
