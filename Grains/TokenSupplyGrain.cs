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

    public Task<BigInteger> GetVotable(long timepoint) =>
        Task.FromResult(CheckpointHistory.ValueAt(state.State.Votable, timepoint));
}
