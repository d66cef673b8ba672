using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Chain;
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
    StoredVoters voters,
    TimeProvider clock,
    GovernanceMetrics metrics,
    ILogger<BallotShardGrain> logger) : Grain, IBallotShardGrain
{
    // Compact in memory (digest and signature as bytes), made into ballots when asked for; each voter's power and override
    // share are read from its ballot, so the two caches below hold only voters without one.
    private readonly Dictionary<string, CompactBallot> _ballots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _durable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BigInteger> _power = new(StringComparer.Ordinal);
    private readonly HashSet<string> _attested = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string?, BigInteger)> _overrides = new(StringComparer.Ordinal);
    private GroupCommit<Ballot>? _commits;
    private VotingTerms _terms = new();
    private Tally _tally = Tally.Empty;
    private long _logged;

    private ShardIdentity? _identity;

    // Parsed from the key once: every ballot names its proposal several times (receipt, power, reports).
    private ShardIdentity Identity => _identity ??= new ShardIdentity(this.GetPrimaryKeyString(), GrainFactory);
    private string Key => Identity.Key;
    private string ProposalId => Identity.ProposalId;
    private int ShardIndex => Identity.Index;
    private IProposalGrain Proposal => Identity.Proposal;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _terms = await Proposal.GetVotingTerms();
        Load(await log.ReadAsync(Key, cancellationToken));
        _adopted = state.State.Sealed;
    }

    /// <summary>
    /// Orleans waits for running calls before deactivating (a silo stopping on SIGTERM deactivates everything), and each
    /// ballot's call waits for its batch; waiting for the writer too keeps a batch already handed to storage from being
    /// cut off, whoever awaits it.
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _commits?.WhenIdle().WaitAsync(cancellationToken) ?? Task.CompletedTask;

    public Task<Tally> GetTally() => Task.FromResult(_tally);

    public Task<ImmutableArray<Ballot>> GetBallots(int count) =>
        Task.FromResult(_ballots.Values.OrderBy(b => b.Voter, StringComparer.Ordinal).Take(count).Select(b => b.ToBallot()).ToImmutableArray());

    public Task<ImmutableArray<Ballot>> GetBallotPage(string? after, int limit)
    {
        Refuse.Unless(limit is >= 1 and <= 10_000, GovernanceError.InvalidArgument, "a page holds 1..10000 ballots");
        // A sealed shard never changes, so its voter order is sorted once per activation.
        var order = state.State.Sealed ? _sorted ??= Sorted() : Sorted();
        var found = after is null ? -1 : Array.BinarySearch(order, after, StringComparer.Ordinal);
        var start = after is null ? 0 : found >= 0 ? found + 1 : ~found;
        return Task.FromResult<ImmutableArray<Ballot>>([.. order.Skip(start).Take(limit).Select(v => _ballots[v].ToBallot())]);
    }

    private string[]? _sorted;

    private string[] Sorted()
    {
        var voters = _ballots.Keys.ToArray();
        Array.Sort(voters, StringComparer.Ordinal);
        return voters;
    }

    public Task<ImmutableArray<BallotOverride>> GetOverrides() => Task.FromResult(Overrides());

    public Task<ImmutableArray<Ballot>> GetBallotsOf(ImmutableArray<string> voters) =>
        Task.FromResult<ImmutableArray<Ballot>>([.. voters.Select(v => _ballots.GetValueOrDefault(v)?.ToBallot()).OfType<Ballot>()]);

    private ImmutableArray<BallotOverride> Overrides() =>
    [
        .. _ballots.Values.Where(b => b.OverrideOf is not null)
            .Select(b => new BallotOverride { Delegator = b.Voter, Delegate = b.OverrideOf!, Balance = b.OverrideBalance }),
    ];

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
        await AdoptLogIfAnotherWrote();
        return new ShardResult
        {
            Tally = _tally,
            Root = BallotSetHash.Compute(_ballots.Values, b => b.Voter, b => b.LeafHash),
            Rankings = _terms.Class.Counting == CountingType.RankedChoice
                ? [.. _ballots.Values.Select(b => new RankedBallot { Power = b.RawPower, Ranking = b.Choices })]
                : [],
            Overrides = _terms.Class.DelegatorOverride ? Overrides() : [],
        };
    }

    // One async method from the call to the receipt (a wrapper only to log refusals made a second state machine and a
    // second continuation a ballot).
    public async Task<BallotReceipt> CastBallot(BallotRequest request)
    {
        try
        {
            BallotRules.Validate(request);
            BallotRules.RequireShard(request.Voter, _terms.Shards, ShardIndex);
            BallotRules.RequireFits(request, _terms.Class, _terms.ChoiceCount);
            await RequireOpen();
            if (Admit(request) is { } duplicate) return await duplicate;
            // The voter's stored state, read once for its power and its delegation, and only if neither is known yet.
            var stored = new StoredVoter(voters, request.Voter);
            // Awaited here where the power is those stored votes alone, so PowerOf and OverrideShare then complete at once.
            if (NeedsStoredVotes(request.Voter)) await stored.Value;
            var power = await PowerOf(request.Voter, stored);
            var (overrideOf, overrideBalance) = await OverrideShare(request.Voter, stored);
            power += overrideBalance;
            await RequireAttested(request.Voter);
            // Other ballots may have interleaved during the awaits: decide again on the current state.
            await RequireOpen();
            if (Admit(request) is { } raced) return await raced;
            Refuse.Unless(power.Sign > 0, GovernanceError.InsufficientPower,
                $"{request.Voter} had no voting power at the snapshot ({_terms.Snapshot:u})");

            _ballots.TryGetValue(request.Voter, out var previous);
            var ballot = BallotOf(request, power, overrideOf, overrideBalance);
            var held = CompactBallot.Of(ballot);
            _ballots[request.Voter] = held;
            _power.Remove(request.Voter);
            _overrides.Remove(request.Voter);
            _tally = Counting.Apply(_tally, previous?.ToBallot(), ballot, _terms.Class.Counting, _terms.ChoiceCount);
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
                if (_ballots.TryGetValue(request.Voter, out var current) && ReferenceEquals(current, held))
                {
                    if (previous is null) _ballots.Remove(request.Voter); else _ballots[request.Voter] = previous;
                    _tally = Counting.Recompute(_ballots.Values.Select(b => b.ToBallot()), _terms.Class.Counting, _terms.ChoiceCount);
                }
                throw;
            }
            finally
            {
                if (_durable.TryGetValue(request.Voter, out var d) && d == durable) _durable.Remove(request.Voter);
            }
            metrics.BallotAccepted();
            return Receipt(held, replaced: previous is not null, duplicate: false);
        }
        catch (GovernanceException e)
        {
            metrics.BallotRefused(e.Error.ToString());
            logger.BallotRefused(ProposalId, request.Voter, e.Error.ToString(), e.Message);
            throw;
        }
    }

    private Ballot BallotOf(BallotRequest request, BigInteger power, string? overrideOf, BigInteger overrideBalance)
    {
        var weight = BallotRules.WeightOf(_terms.Class, power);
        return new Ballot
        {
            Voter = request.Voter,
            Support = request.Support,
            Weight = weight,
            Power = weight == power ? BigInteger.Zero : power,
            OverrideOf = overrideOf,
            OverrideBalance = overrideBalance,
            Choices = request.Choices.IsDefault ? [] : request.Choices,
            Weights = request.Weights.IsDefault ? [] : request.Weights,
            Reason = request.Reason,
            Timestamp = request.Timestamp,
            Digest = request.Digest,
            Signature = request.Signature,
            RecordedAt = clock.GetUtcNow(),
        };
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

    private async Task<BallotReceipt> WhenDurable(CompactBallot ballot)
    {
        if (_durable.TryGetValue(ballot.Voter, out var pending)) await pending;
        return Receipt(ballot, replaced: false, duplicate: true);
    }

    private BallotReceipt Receipt(CompactBallot ballot, bool replaced, bool duplicate) => new()
    {
        Proposal = ProposalId,
        Voter = ballot.Voter,
        Support = ballot.Support,
        Weight = ballot.Weight,
        Replaced = replaced,
        Duplicate = duplicate,
        Choices = ballot.Choices,
        Weights = ballot.Weights,
        Power = ballot.Power,
        Leaf = Hex.ToHex(ballot.LeafHash),
    };

    /// <summary>Made on first use: a field initializer cannot bind the instance's Append.</summary>
    private GroupCommit<Ballot> Commits => _commits ??= new GroupCommit<Ballot>(Append);

    /// <summary>A class gated by a personhood registry counts only addresses attested as unique people at the snapshot.</summary>
    private async Task RequireAttested(string voter)
    {
        if (_terms.Class.PersonhoodRegistry is not { } registry) return;
        if (_attested.Contains(voter)) return;
        var snapshot = _terms.Snapshot.ToUnixTimeSeconds();
        var attested = await Personhood.IsAttestedAt(GrainFactory, registry, voter, snapshot);
        Refuse.Unless(attested, GovernanceError.NotAttested,
            $"{voter} was not attested as a unique person in '{registry}' at the snapshot ({_terms.Snapshot:u})");
        // Attestation at a past snapshot never changes, so it can be remembered.
        _attested.Add(voter);
    }

    /// <summary>Delegator override: the voter's own balance at the snapshot when it had delegated it to someone else.</summary>
    private async ValueTask<(string? Delegate, BigInteger Balance)> OverrideShare(string voter, StoredVoter stored)
    {
        if (!_terms.Class.DelegatorOverride) return (null, BigInteger.Zero);
        if (_ballots.TryGetValue(voter, out var ballot)) return (ballot.OverrideOf, ballot.OverrideBalance);
        if (_overrides.TryGetValue(voter, out var cached)) return cached;
        var token = _terms.Class.PowerSource.AllTokens()[0];
        var at = VoterReads.DelegationAt(await stored.Value, token, _terms.Snapshot.ToUnixTimeSeconds());
        // Fixed at a past snapshot, so it can be remembered.
        return _overrides[voter] = OverrideRules.Share(voter, at);
    }

    /// <summary>Whether this ballot's power is to be read from the voter's stored votes of a single token.</summary>
    private bool NeedsStoredVotes(string voter) =>
        !_ballots.ContainsKey(voter) && !_power.ContainsKey(voter) && PowerReader.SoleToken(_terms.Class.PowerSource) is not null;

    /// <summary>Token votes from the voter's stored state (<see cref="StoredVoters"/>): no voter activation per ballot.</summary>
    private async ValueTask<BigInteger> PowerOf(string voter, StoredVoter stored)
    {
        if (_ballots.TryGetValue(voter, out var ballot)) return ballot.OwnPower;
        if (_power.TryGetValue(voter, out var cached)) return cached;
        var snapshot = _terms.Snapshot.ToUnixTimeSeconds();
        var source = _terms.Class.PowerSource;
        BigInteger power;
        if (PowerReader.SoleToken(source) is { } token)
            power = PowerReader.Scaled(source, VoterReads.VotesAt(await stored.Value, token, snapshot));
        else
        {
            PowerReader.TokenVotes votes = async (_, t, at) => VoterReads.VotesAt(await stored.Value, t, at);
            power = await PowerReader.VotesAt(GrainFactory, votes, source, Identity.Dao, voter, snapshot);
        }
        // Power at a past snapshot never changes, so it can be remembered.
        _power[voter] = power;
        return power;
    }
}

