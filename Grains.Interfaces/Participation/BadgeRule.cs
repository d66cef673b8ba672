namespace Blocktrack.Grains.Interfaces;

/// <summary>One badge of a DAO's participation programme and what earns it.</summary>
[GenerateSerializer, Immutable, Alias("bt.BadgeRule")]
public sealed record BadgeRule
{
    /// <summary>Stable id inside the DAO, <c>[a-z][a-z0-9-]{0,39}</c>, e.g. <c>first-ballot</c>; part of the token's identity.</summary>
    [Id(0)] public string Id { get; init; } = "";

    /// <summary>The name the token's metadata carries, e.g. "First ballot".</summary>
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public BadgeKind Kind { get; init; }

    /// <summary>
    /// Ballots: how many ballots. Participation: the share in bps of the last <see cref="Window"/> closed proposals voted
    /// on. ProposalsPassed: how many passed proposals. TopParticipant: the rank within an epoch's points (1 = the top).
    /// </summary>
    [Id(3)] public long Threshold { get; init; }

    /// <summary>Participation: how many of the DAO's most recently closed proposals are looked at.</summary>
    [Id(4)] public int Window { get; init; }
}

/// <summary>What a badge counts. Persisted: numbers never change.</summary>
public enum BadgeKind
{
    Ballots = 1,
    Participation = 2,
    ProposalsPassed = 3,
    TopParticipant = 4,

    /// <summary>Grant milestones delivered (approved and paid) at least <c>Threshold</c> times.</summary>
    MilestonesDelivered = 5,
}
