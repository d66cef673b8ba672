namespace Blocktrack.Grains.Interfaces;

/// <summary>The result of recomputing the whole running hash from the stored entries.</summary>
[GenerateSerializer, Immutable, Alias("bt.AuditVerification")]
public sealed record AuditVerification
{
    [Id(0)] public bool Verified { get; init; }

    /// <summary>Entries recomputed.</summary>
    [Id(1)] public long Entries { get; init; }

    /// <summary>The first entry whose stored fields or hashes do not follow from the ones before it.</summary>
    [Id(2)] public long? FirstBrokenSeq { get; init; }
    [Id(3)] public string? Problem { get; init; }

    /// <summary>The running hash recomputed over every entry, and the head the log serves.</summary>
    [Id(4)] public string RecomputedHash { get; init; } = "";
    [Id(5)] public AuditHead Head { get; init; } = new();
}
