using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A voter's power in one proposal, read from the proposal's power source at its snapshot.</summary>
[GenerateSerializer, Immutable, Alias("bt.VoterPower")]
public sealed record VoterPower
{
    [Id(0)] public string Proposal { get; init; } = "";
    [Id(1)] public string Voter { get; init; } = "";

    /// <summary>The timepoint the power is read at (the proposal's snapshot).</summary>
    [Id(2)] public DateTimeOffset Snapshot { get; init; }

    /// <summary>The sum of the power source's strategies, each scaled by its multiplier.</summary>
    [Id(3)] public BigInteger Power { get; init; }

    /// <summary>
    /// What a ballot of this voter weighs: the power (its integer square root with quadratic power), plus
    /// <see cref="OverrideBalance"/> in a delegator-override class.
    /// </summary>
    [Id(4)] public BigInteger Weight { get; init; }

    /// <summary>Delegator override: the delegate the voter's balance was delegated to at the snapshot, if someone else.</summary>
    [Id(5)] public string? OverrideOf { get; init; }

    /// <summary>Delegator override: the voter's own balance at the snapshot, which its ballot takes out of its delegate's.</summary>
    [Id(6)] public BigInteger OverrideBalance { get; init; }
}
