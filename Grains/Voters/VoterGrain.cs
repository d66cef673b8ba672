using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Analytics;
using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Voters;

/// <summary>
/// ERC20Votes semantics across grains: a balance counts only for its delegate, so every balance change or
/// redelegation becomes vote transfers to delegates and to the token's votable supply. Transfers go through an
/// outbox saved with the change, delivered in order and applied once by sequence, so none is lost or doubled.
/// Reentrant because delegates may transfer to each other at the same time; state changes happen between awaits.
/// </summary>
[Reentrant]
public sealed partial class VoterGrain(
    [PersistentState(GovernanceStorage.VoterState, GovernanceStorage.Name)] IPersistentState<VoterState> state,
    TimeProvider clock,
    IOptions<ChainsOptions> chains,
    PowerReportRelay relay,
    ILogger<VoterGrain> log) : Grain, IVoterGrain
{
    private CoalescingWriter? _coalescing;

    // Every save also notes a change of the voter's own votes for the power distribution (VoterGrain.Analytics.cs).
    private CoalescingWriter _writer => _coalescing ??= new(SaveAndFeed);
    private OutboxDelivery<VoteTransfer>? _delivery;
    private AuditDelivery? _audit;

    private AuditDelivery Audit => _audit ??= new(GrainFactory, () => S.AuditOutbox, _writer.Save, log);

    // A transfer stays first in the outbox on failure: the next change or activation delivers it, exactly once by sequence.
    private OutboxDelivery<VoteTransfer> Delivery => _delivery ??= new(() => S.Outbox, Send, _writer.Save,
        (e, t) => log.TransferRetry(e, Address, t.Sequence), Forget);

    private Task Send(VoteTransfer t) => t.To is null
        ? GrainFactory.GetGrain<ITokenSupplyGrain>(t.Token).Adjust(Address, t.Sequence, t.Timepoint, t.Delta)
        : GrainFactory.GetGrain<IVoterGrain>(t.To).AdjustVotes(t.Token, Address, t.Sequence, t.Timepoint, t.Delta);

    // Sent once the transfer's removal is saved: the receiver may then drop this voter's sequence (see ITokenSupplyGrain.Forget).
    private void Forget(VoteTransfer t) => _ = t.To is null
        ? GrainFactory.GetGrain<ITokenSupplyGrain>(t.Token).Forget(Address, t.Sequence)
        : GrainFactory.GetGrain<IVoterGrain>(t.To).ForgetVotes(t.Token, Address, t.Sequence);

    private string Address => this.GetPrimaryKeyString();
    private VoterState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Addresses.Require(Address, "voter key");
        if (S.Outbox.Count > 0) _ = Deliver();
        _ = Audit.Deliver();
        _ = FeedPower();
        return Task.CompletedTask;
    }

    public async Task<VoterInfo> RecordBalance(string token, long timepoint, BigInteger balance)
    {
        RequireToken(token);
        chains.Value.RequireOffChain(token, "a balance");
        var retiredBy = await GrainFactory.GetGrain<ITokenSupplyGrain>(token).OperatorFeedRetiredBy();
        Refuse.Unless(retiredBy is null, GovernanceError.OperatorRetired,
            $"'{retiredBy}' has retired the operator's balance feed for '{token}'");
        var position = Position(token);
        var last = position.Balance.Count == 0 ? long.MinValue : position.Balance[^1].Timepoint;
        DelegationRules.ValidateBalance(balance, timepoint, last, Now);
        var delta = balance - CheckpointHistory.Latest(position.Balance);
        CheckpointHistory.AddDelta(position.Balance, timepoint, delta);
        Owe(token, timepoint, DelegationRules.BalanceChanged(position.Delegate, delta));
        S.AuditOutbox.Add(AuditTrail.ByOperator($"voter:{Address}#{++S.AuditCount}", clock.GetUtcNow(), AuditActs.BalanceRecorded,
            Address, $"{token} balance {balance} at {timepoint}"));
        await _writer.Save();
        await Deliver();
        await Audit.Deliver();
        return Info(token);
    }

    public async Task<VoterInfo> Delegate(string token, string? delegatee)
    {
        RequireToken(token);
        chains.Value.RequireOffChain(token, "delegating");
        delegatee = DelegationRules.Delegatee(delegatee);
        if (delegatee is not null) Addresses.Require(delegatee, "delegatee");
        var position = Position(token);
        var previous = position.Delegate;
        if (previous == delegatee) return Info(token);
        position.Delegate = delegatee;
        // Delegation takes effect now, never at a signed (older) timestamp: a past snapshot must stay fixed.
        DelegationRules.RecordDelegate(position.DelegateHistory, Now, previous, delegatee);
        Owe(token, Now, DelegationRules.Redelegated(previous, delegatee, CheckpointHistory.Latest(position.Balance)));
        await _writer.Save();
        await Deliver();
        return Info(token);
    }

    public Task<BigInteger> GetVotes(string token, long timepoint) => Task.FromResult(VoterReads.VotesAt(S, token, timepoint));

    public Task<DelegationAt> GetDelegationAt(string token, long timepoint) =>
        Task.FromResult(VoterReads.DelegationAt(S, token, timepoint));

    public Task ApplyChainVotes(string token, long block, int logIndex, long timestamp, BigInteger votes) =>
        ApplyChainVoteHistory(token, [new ChainValue(block, logIndex, timestamp, votes)]);

    public async Task ApplyChainVoteHistory(string token, ImmutableArray<ChainValue> votes)
    {
        RequireToken(token);
        Refuse.Unless(votes.All(v => v.Value.Sign >= 0), GovernanceError.InvalidArgument, "votes may not be negative");
        var points = Position(token).ChainVotes;
        var applied = 0;
        foreach (var v in votes)
        {
            if (ChainHistory.Apply(points, v)) applied++;
        }
        if (applied > 0) await _writer.Save();
    }

    public async Task ApplyChainDelegate(string token, string? delegatee)
    {
        RequireToken(token);
        var position = Position(token);
        delegatee = DelegationRules.Delegatee(delegatee);
        if (position.Delegate == delegatee) return;
        position.Delegate = delegatee;
        await _writer.Save();
    }

    public async Task RollbackChain(string token, long fromBlock)
    {
        if (!S.Tokens.TryGetValue(token, out var p)) return;
        var removed = ChainHistory.RollbackFrom(p.ChainVotes, fromBlock);
        if (removed == 0) return;
        log.ChainRolledBack(Address, token, fromBlock, removed);
        await _writer.Save();
    }

    public Task<VoterInfo> GetInfo(string token)
    {
        RequireToken(token);
        return Task.FromResult(Info(token));
    }

    public async Task AdjustVotes(string token, string source, long sequence, long timepoint, BigInteger delta)
    {
        var key = $"{token}|{source}";
        if (S.Applied.TryGetValue(key, out var last) && sequence <= last) return;
        CheckpointHistory.AddDelta(Position(token).Votes, timepoint, delta);
        S.Applied[key] = sequence;
        await _writer.Save();
    }

    public Task ForgetVotes(string token, string source, long sequence)
    {
        // Saved with the next change: until then a reactivation only remembers a sequence that will never come again.
        var key = $"{token}|{source}";
        if (S.Applied.TryGetValue(key, out var last) && last <= sequence) S.Applied.Remove(key);
        return Task.CompletedTask;
    }

    public async Task ConsumeSignedMessage(string digest, long timestamp, long staleBefore)
    {
        foreach (var (old, at) in S.UsedMessages)
        {
            if (at < staleBefore) S.UsedMessages.Remove(old);
        }
        Refuse.Unless(timestamp >= staleBefore, GovernanceError.Replayed, "the signed message is stale");
        Refuse.Unless(S.UsedMessages.TryAdd(digest, timestamp), GovernanceError.Replayed, "this signed message was already used");
        await _writer.Save();
    }

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    private TokenPosition Position(string token)
    {
        if (!S.Tokens.TryGetValue(token, out var position)) S.Tokens[token] = position = new TokenPosition();
        return position;
    }

    private VoterInfo Info(string token)
    {
        S.Tokens.TryGetValue(token, out var p);
        return new VoterInfo
        {
            Address = Address,
            Token = token,
            Delegate = p?.Delegate,
            Balance = p is null ? 0 : CheckpointHistory.Latest(p.Balance),
            Votes = p is null ? 0 : LatestVotes(p),
        };
    }

    private void Owe(string token, long timepoint, IEnumerable<PowerTransfer> transfers)
    {
        foreach (var (to, delta) in transfers)
        {
            if (delta.IsZero) continue;
            if (to == Address)
            {
                // Votes delegated to oneself need no message, only the local checkpoint.
                CheckpointHistory.AddDelta(Position(token).Votes, timepoint, delta);
                continue;
            }
            S.Outbox.Add(new VoteTransfer
            {
                Sequence = ++S.NextSequence,
                Token = token,
                To = to,
                Timepoint = timepoint,
                Delta = delta,
            });
        }
    }

    private Task Deliver() => Delivery.Deliver();

    private static BigInteger LatestVotes(TokenPosition p) =>
        p.ChainVotes.Count > 0 ? ChainHistory.Latest(p.ChainVotes) : CheckpointHistory.Latest(p.Votes);

    private static void RequireToken(string token) =>
        Refuse.Unless(Names.IsToken(token), GovernanceError.InvalidArgument, $"'{token}' is not a valid token id");
}
