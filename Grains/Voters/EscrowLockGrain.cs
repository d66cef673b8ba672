using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Voters;

/// <summary>One owner's lock in a mirrored vote escrow: the history of LockChanged logs, read by binary search.</summary>
public sealed class EscrowLockGrain(
    [PersistentState(GovernanceStorage.EscrowLockState, GovernanceStorage.Name)] IPersistentState<EscrowLockState> state,
    ILogger<EscrowLockGrain> log) : Grain, IEscrowLockGrain
{
    private List<EscrowLockChange> History => state.State.History;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EscrowKeys.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<ImmutableArray<EscrowLock>> ApplyChainLocks(ImmutableArray<EscrowLockChange> changes)
    {
        Refuse.Unless(changes.All(c => c.Lock.Amount.Sign >= 0 && c.Lock.UnlockTime >= 0), GovernanceError.InvalidArgument,
            "a lock's amount and unlock time may not be negative");
        var before = VoteEscrowRules.ApplyLocks(History, changes, out var applied);
        if (applied > 0) await state.WriteStateAsync();
        return [.. before];
    }

    public async Task RollbackChain(long fromBlock)
    {
        var removed = VoteEscrowRules.RollbackLocks(History, fromBlock);
        if (removed == 0) return;
        var (escrow, owner) = EscrowKeys.Parse(this.GetPrimaryKeyString());
        log.ChainRolledBack(owner, escrow, fromBlock, removed);
        await state.WriteStateAsync();
    }

    public Task<EscrowLock> GetLock(long timestamp) => Task.FromResult(VoteEscrowRules.LockAt(History, timestamp));

    public Task<BigInteger> GetPower(long timestamp) => Task.FromResult(VoteEscrowRules.PowerAt(History, timestamp));
}
