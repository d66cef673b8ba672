using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// The audit log of privileged acts (key 0): appends one at a time (sequence and running hash), keeps the entries in
/// page grains of bounded size, and queues its running hash for the anchor contract.
/// </summary>
[Alias("bt.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Appends an act; idempotent per cause: a second call answers the entry the first one made.</summary>
    /// <remarks>Interleaves: acts arriving together are appended as one batch.</remarks>
    [AlwaysInterleave, Alias("Append")] Task<AuditEntry> Append(AuditAct act);

    /// <summary>Newest seq and running hash, and the anchor contract's copy of the last anchored one.</summary>
    [AlwaysInterleave, Alias("GetHead")] Task<AuditHead> GetHead();

    /// <summary>A page of the entries matching <paramref name="query"/>, oldest first.</summary>
    [AlwaysInterleave, Alias("Query")] Task<AuditPage> Query(AuditQuery query, long offset, int limit);

    /// <summary>Up to <paramref name="count"/> entries from seq <paramref name="fromSeq"/> on (an export reads it page by page).</summary>
    [AlwaysInterleave, Alias("Read")] Task<ImmutableArray<AuditEntry>> Read(long fromSeq, int count);

    /// <summary>Recomputes the running hash over every stored entry and compares it with the head.</summary>
    [AlwaysInterleave, Alias("Verify")] Task<AuditVerification> Verify();

    /// <summary>Queues the current head for the anchor contract now, whatever the coalescing interval says.</summary>
    [Alias("AnchorNow")] Task<AuditHead> AnchorNow();
}

/// <summary>A bounded page of consecutive audit entries (key: page number from 0).</summary>
[Alias("bt.IAuditPageGrain")]
public interface IAuditPageGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Writes consecutive entries from seq <c>head + 1</c> on, all of this page, replacing what the page holds past the
    /// log's <paramref name="head"/> (unacknowledged entries a crash left); entries up to a head already named stay.
    /// </summary>
    [Alias("PutAfter")] Task PutAfter(long head, ImmutableArray<AuditEntry> entries);

    [AlwaysInterleave, Alias("Entries")] Task<ImmutableArray<AuditEntry>> Entries();
}

/// <summary>Which entry an act's cause produced (key: the cause), so an append is idempotent without a growing index blob.</summary>
[Alias("bt.IAuditCauseGrain")]
public interface IAuditCauseGrain : IGrainWithStringKey
{
    [AlwaysInterleave, Alias("Get")] Task<long?> Get();

    [Alias("Set")] Task Set(long seq);
}
