using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Voters;

/// <summary>The total power of a mirrored vote escrow: supply points and slopes ending per week, as the contract keeps them.</summary>
public sealed class VoteEscrowGrain(
    [PersistentState(GovernanceStorage.VoteEscrowState, GovernanceStorage.Name)] IPersistentState<VoteEscrowState> state)
    : Grain, IVoteEscrowGrain
{
    private VoteEscrowState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Refuse.Unless(Names.IsToken(this.GetPrimaryKeyString()), GovernanceError.InvalidArgument,
            $"'{this.GetPrimaryKeyString()}' is not a valid escrow token id");
        return Task.CompletedTask;
    }

    public async Task ApplyChainChanges(ImmutableArray<EscrowSupplyChange> changes)
    {
        var applied = 0;
        foreach (var change in changes)
        {
            if (VoteEscrowSupply.Apply(S.Points, S.SlopeEnding, change)) applied++;
        }
        if (applied > 0) await state.WriteStateAsync();
    }

    public async Task RollbackChain(long fromBlock)
    {
        if (VoteEscrowSupply.RollbackFrom(S.Points, S.SlopeEnding, fromBlock) > 0) await state.WriteStateAsync();
    }

    public Task<BigInteger> GetSupply(long timestamp) => Task.FromResult(VoteEscrowSupply.At(S.Points, S.SlopeEnding, timestamp));
}
