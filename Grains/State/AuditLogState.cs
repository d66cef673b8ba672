namespace Blocktrack.Grains.State;

/// <summary>Persisted head of the audit log: a fixed size, whatever the log's length (entries live in page grains).</summary>
[GenerateSerializer, Alias("bt.AuditLogState")]
public sealed class AuditLogState
{
    [Id(0)] public long Seq { get; set; }
    [Id(1)] public string Hash { get; set; } = "";
    [Id(2)] public long? AnchoredSeq { get; set; }
    [Id(3)] public string? AnchoredHash { get; set; }
    [Id(4)] public DateTimeOffset? AnchoredAt { get; set; }
}

/// <summary>Persisted entries of one audit page, in seq order (at most <c>AuditPages.Size</c>).</summary>
[GenerateSerializer, Alias("bt.AuditPageState")]
public sealed class AuditPageState
{
    [Id(0)] public List<Interfaces.AuditEntry> Entries { get; set; } = [];

    /// <summary>The highest head the log named in a write here: entries up to it are acknowledged and never rewritten.</summary>
    [Id(1)] public long Acknowledged { get; set; }
}

/// <summary>Persisted seq an act's cause produced.</summary>
[GenerateSerializer, Alias("bt.AuditCauseState")]
public sealed class AuditCauseState
{
    [Id(0)] public long? Seq { get; set; }
}
