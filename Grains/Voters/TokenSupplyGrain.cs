using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Voters;

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

    public async Task RetireOperatorFeed(string dao)
    {
        Names.RequireDaoPath(dao);
        if (state.State.OperatorFeedRetiredBy is not null) return;
        state.State.OperatorFeedRetiredBy = dao;
        await state.WriteStateAsync();
    }

    public Task<string?> OperatorFeedRetiredBy() => Task.FromResult(state.State.OperatorFeedRetiredBy);

    public Task<BigInteger> GetVotable(long timepoint) => Task.FromResult(state.State.ChainVotable.Count > 0
        ? ChainHistory.ValueAt(state.State.ChainVotable, timepoint)
        : CheckpointHistory.ValueAt(state.State.Votable, timepoint));

    public Task ApplyChainDelta(long block, int logIndex, long timestamp, BigInteger delta) =>
        ApplyChainDeltas([new ChainValue(block, logIndex, timestamp, delta)]);

    public async Task ApplyChainDeltas(ImmutableArray<ChainValue> deltas)
    {
        var points = state.State.ChainVotable;
        var applied = 0;
        foreach (var d in deltas)
        {
            var total = ChainHistory.Latest(points) + d.Value;
            Refuse.Unless(total.Sign >= 0, GovernanceError.InvalidArgument, $"votable power would go below zero at block {d.Block}");
            if (ChainHistory.Apply(points, d with { Value = total })) applied++;
        }
        if (applied > 0) await state.WriteStateAsync();
    }

    public async Task RollbackChain(long fromBlock)
    {
        if (ChainHistory.RollbackFrom(state.State.ChainVotable, fromBlock) > 0) await state.WriteStateAsync();
    }
}
