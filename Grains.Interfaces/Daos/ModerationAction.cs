namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One moderator's act, kept for good: a proposal of the DAO (<see cref="Voter"/> null) or one ballot's reason hidden from
/// listings, or restored. Hiding never deletes and never changes a tally, a proof or an execution.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.ModerationAction")]
public sealed record ModerationAction
{
    /// <summary>1 for the DAO's first moderation, +1 for each after it.</summary>
    [Id(0)] public long Seq { get; init; }
    [Id(1)] public string Proposal { get; init; } = "";

    /// <summary>The voter whose ballot reason is moderated, or null when the proposal itself is.</summary>
    [Id(2)] public string? Voter { get; init; }
    [Id(3)] public bool Hidden { get; init; }
    [Id(4)] public string Moderator { get; init; } = "";
    [Id(5)] public string Reason { get; init; } = "";
    [Id(6)] public DateTimeOffset At { get; init; }

    /// <summary>Digest of the signed Moderation message (0x hex).</summary>
    [Id(7)] public string Digest { get; init; } = "";

    /// <summary>
    /// Set on an appeal upheld by an executed proposal: the act it reverses. <see cref="Moderator"/> is then the proposal
    /// and <see cref="Digest"/> empty.
    /// </summary>
    [Id(8)] public long? Reverses { get; init; }
}
