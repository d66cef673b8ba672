namespace Blocktrack.Grains.Interfaces;

/// <summary>The log's newest entry and running hash, and the last running hash queued for the anchor contract.</summary>
[GenerateSerializer, Immutable, Alias("bt.AuditHead")]
public sealed record AuditHead
{
    /// <summary>Entries so far (the newest entry's seq); 0 for an empty log.</summary>
    [Id(0)] public long Seq { get; init; }

    /// <summary>The running hash after entry <see cref="Seq"/> (32 zero bytes for an empty log).</summary>
    [Id(1)] public string Hash { get; init; } = "";

    /// <summary>The last (seq, hash) handed to the anchor grain, null while none was.</summary>
    [Id(2)] public long? AnchoredSeq { get; init; }
    [Id(3)] public string? AnchoredHash { get; init; }

    /// <summary>The anchor contract's copy of <see cref="AnchoredSeq"/>, read back (null when no anchor chain is configured).</summary>
    [Id(4)] public AnchorCheck? Anchor { get; init; }
}
