using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>An accepted ballot as the ballot log keeps it.</summary>
[GenerateSerializer, Immutable, Alias("bt.Ballot")]
public sealed record Ballot
{
    /// <summary>Lower-case 0x address of the voter.</summary>
    [Id(0)] public string Voter { get; init; } = "";
    [Id(1)] public Support Support { get; init; }
    [Id(2)] public BigInteger Weight { get; init; }
    [Id(3)] public string Reason { get; init; } = "";

    /// <summary>The signed message's timestamp (unix seconds); a replacement must be newer.</summary>
    [Id(4)] public long Timestamp { get; init; }

    /// <summary>EIP-712 digest of the signed ballot (0x hex): its identity for deduplication and proofs.</summary>
    [Id(5)] public string Digest { get; init; } = "";

    /// <summary>The 65-byte signature (0x hex), kept so anyone can re-verify the ballot.</summary>
    [Id(6)] public string Signature { get; init; } = "";

    [Id(7)] public DateTimeOffset RecordedAt { get; init; }

    /// <summary>
    /// The voter's power at the snapshot when <see cref="Weight"/> is derived from it (√power in quadratic classes);
    /// zero when the weight is the power itself.
    /// </summary>
    [Id(8)] public BigInteger Power { get; init; }

    /// <summary>Choice classes: the chosen choices as signed, numbered from 1 (a ranking lists them best first).</summary>
    [Id(9)] public ImmutableArray<ushort> Choices { get; init; } = [];

    /// <summary>Weighted and quadratic classes: one weight per entry of <see cref="Choices"/>.</summary>
    [Id(10)] public ImmutableArray<ulong> Weights { get; init; } = [];

    /// <summary>
    /// Delegator override: the delegate this voter's balance was delegated to at the snapshot. The ballot's weight includes
    /// <see cref="OverrideBalance"/>, which is taken out of that delegate's ballot (if it votes) — whichever votes first.
    /// </summary>
    [Id(11)] public string? OverrideOf { get; init; }

    /// <summary>The voter's own balance at the snapshot, moved from <see cref="OverrideOf"/>'s ballot to this one.</summary>
    [Id(12)] public BigInteger OverrideBalance { get; init; }

    /// <summary>The power this ballot stands for before any square root: <see cref="Power"/>, or the weight itself.</summary>
    public BigInteger RawPower => Power.IsZero ? Weight : Power;

    public bool HasChoices => !Choices.IsDefaultOrEmpty;
}
