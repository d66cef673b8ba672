using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Voters;

/// <summary>
/// Checkpoints of a token's votable (delegated) power, fed by voters as they delegate and their balances move. Every
/// voter's change comes here, so the grain is reentrant and changes arriving together share one write; each caller is
/// answered once a write holding its change is durable. A voter's sequence is remembered only until the voter says it
/// will not resend it (<see cref="Forget"/>), so the state stays the size of the changes in flight plus the checkpoints,
/// whatever the number of voters. Changes happen between awaits, so interleaving never sees half of one.
/// </summary>
[Reentrant]
public sealed class TokenSupplyGrain(
    [PersistentState(GovernanceStorage.TokenSupplyState, GovernanceStorage.Name)] IPersistentState<TokenSupplyState> state)
    : Grain, ITokenSupplyGrain
{
    private CoalescingWriter? _coalescing;
    private bool _forgottenUnsaved;

    private CoalescingWriter Writer => _coalescing ??= new(() =>
    {
        _forgottenUnsaved = false;
        return state.WriteStateAsync();
    });

    public Task Adjust(string source, long sequence, long timepoint, BigInteger delta)
    {
        // A redelivery is answered after a write too: the first delivery's write may have failed after it changed memory.
        if (state.State.Applied.TryGetValue(source, out var last) && sequence <= last) return Writer.Save();
        CheckpointHistory.AddDelta(state.State.Votable, timepoint, delta);
        state.State.Applied[source] = sequence;
        return Writer.Save();
    }

    public Task Forget(string source, long sequence)
    {
        // Saved with the next change (or at deactivation): until then a reload only remembers a sequence never sent again.
        if (state.State.Applied.TryGetValue(source, out var last) && last <= sequence && state.State.Applied.Remove(source))
            _forgottenUnsaved = true;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_forgottenUnsaved) await Writer.Save();
    }

    public async Task RetireOperatorFeed(string dao)
    {
        Names.RequireDaoPath(dao);
        if (state.State.OperatorFeedRetiredBy is not null) return;
        state.State.OperatorFeedRetiredBy = dao;
        await Writer.Save();
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
        if (applied > 0) await Writer.Save();
    }

    public async Task RollbackChain(long fromBlock)
    {
        if (ChainHistory.RollbackFrom(state.State.ChainVotable, fromBlock) > 0) await Writer.Save();
    }
}
