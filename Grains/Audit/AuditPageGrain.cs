using System.Collections.Immutable;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Audit;

/// <summary>One bounded page of the audit log; written only by the log grain, one entry at a time.</summary>
public sealed class AuditPageGrain(
    [PersistentState(GovernanceStorage.AuditPageState, GovernanceStorage.Name)] IPersistentState<AuditPageState> state)
    : Grain, IAuditPageGrain
{
    private List<AuditEntry> Stored => state.State.Entries;

    public async Task Put(AuditEntry entry)
    {
        Refuse.Unless(AuditPages.PageOf(entry.Seq) == this.GetPrimaryKeyLong(), GovernanceError.InvalidArgument,
            $"entry {entry.Seq} belongs to page {AuditPages.PageOf(entry.Seq)}");
        var slot = AuditPages.SlotOf(entry.Seq);
        Refuse.Unless(slot <= Stored.Count, GovernanceError.InvalidArgument,
            $"entry {entry.Seq} would leave a gap after {Stored.Count} entries of page {this.GetPrimaryKeyLong()}");
        if (slot < Stored.Count)
        {
            if (Stored[slot] == entry) return;
            // Only the newest slot may be written again: it can hold an entry whose head write never completed (a crash),
            // which the log's next append replaces. An acknowledged entry has entries after it and is never rewritten.
            Refuse.Unless(slot == Stored.Count - 1, GovernanceError.InvalidState,
                $"entry {Stored[slot].Seq} is followed by others and cannot be rewritten");
            Stored.RemoveAt(slot);
        }
        Stored.Add(entry);
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<AuditEntry>> Entries() => Task.FromResult(Stored.ToImmutableArray());
}
