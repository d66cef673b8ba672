using System.Collections.Immutable;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Audit;

/// <summary>One bounded page of the audit log; written only by the log grain, a batch of consecutive entries at a time.</summary>
public sealed class AuditPageGrain(
    [PersistentState(GovernanceStorage.AuditPageState, GovernanceStorage.Name)] IPersistentState<AuditPageState> state)
    : Grain, IAuditPageGrain
{
    private List<AuditEntry> Stored => state.State.Entries;

    public async Task PutAfter(long head, ImmutableArray<AuditEntry> entries)
    {
        var page = this.GetPrimaryKeyLong();
        Refuse.Unless(!entries.IsEmpty, GovernanceError.InvalidArgument, "no entries to write");
        for (var i = 0; i < entries.Length; i++)
        {
            Refuse.Unless(entries[i].Seq == head + 1 + i && AuditPages.PageOf(entries[i].Seq) == page, GovernanceError.InvalidArgument,
                $"entry {entries[i].Seq} is not entry {head + 1 + i} of page {page}");
        }
        // Entries up to a head the log has named are acknowledged: a later write may replace only what lies past it (the
        // unacknowledged entries a crash between this write and the log's head write left behind).
        Refuse.Unless(head >= state.State.Acknowledged, GovernanceError.InvalidState,
            $"entries up to {state.State.Acknowledged} are acknowledged and cannot be rewritten");
        var keep = AuditPages.SlotOf(entries[0].Seq);
        Refuse.Unless(keep <= Stored.Count, GovernanceError.InvalidArgument,
            $"entry {entries[0].Seq} would leave a gap after {Stored.Count} entries of page {page}");
        if (Stored.Count == keep + entries.Length && Stored.Skip(keep).SequenceEqual(entries) && head == state.State.Acknowledged)
            return;
        Stored.RemoveRange(keep, Stored.Count - keep);
        Stored.AddRange(entries);
        state.State.Acknowledged = Math.Max(state.State.Acknowledged, head);
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<AuditEntry>> Entries() => Task.FromResult(Stored.ToImmutableArray());
}
