using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains;

/// <summary>Checkpoints of a token's votable (delegated) power, fed by voters as they delegate and their balances move.</summary>
public sealed class TokenSupplyGrain(
    [PersistentState(GovernanceStorage.TokenSupplyState, GovernanceStorage.Name)] IPersistentState<TokenSupplyState> state)
    : Grain, ITokenSupplyGrain
{
    public async Task Adjust(string source, long sequence, long timepoint, BigInteger delta)
    {
        if (state.State.Applied.TryGetValue(source, out var last) && sequence <= last) return;
        CheckpointHistory.AddDelta(state.State.Votable, timepoint, delta);
        state.State.Applied[source] = sequence;
        await state.WriteStateAsync();
    }

    public Task<BigInteger> GetVotable(long timepoint) => Task.FromResult(state.State.ChainVotable.Count > 0
        ? ChainHistory.ValueAt(state.State.ChainVotable, timepoint)
        : CheckpointHistory.ValueAt(state.State.Votable, timepoint));

    public async Task ApplyChainDelta(long block, int logIndex, long timestamp, BigInteger delta)
    {
        var total = ChainHistory.Latest(state.State.ChainVotable) + delta;
        Refuse.Unless(total.Sign >= 0, GovernanceError.InvalidArgument, $"votable power would go below zero at block {block}");
        if (ChainHistory.Apply(state.State.ChainVotable, new ChainPoint(block, logIndex, timestamp, total)))
            await state.WriteStateAsync();
    }

    public async Task RollbackChain(long fromBlock)
    {
        if (ChainHistory.RollbackFrom(state.State.ChainVotable, fromBlock) > 0) await state.WriteStateAsync();
    }
}
