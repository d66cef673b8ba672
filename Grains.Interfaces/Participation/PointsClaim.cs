namespace Blocktrack.Grains.Interfaces;

/// <summary>Points a recorded fact earns an address, before the epoch's cap.</summary>
[GenerateSerializer, Immutable, Alias("bt.PointsClaim")]
public sealed record PointsClaim
{
    [Id(0)] public string Address { get; init; } = "";

    /// <summary>The fact, e.g. <c>vote:{proposal}</c>; an address earns once per cause.</summary>
    [Id(1)] public string Cause { get; init; } = "";
    [Id(2)] public long Points { get; init; }
}

/// <summary>What an epoch granted for a claim: the points after the cap (possibly zero), recorded once per cause.</summary>
[GenerateSerializer, Immutable, Alias("bt.PointsGrant")]
public sealed record PointsGrant
{
    [Id(0)] public string Address { get; init; } = "";
    [Id(1)] public string Cause { get; init; } = "";
    [Id(2)] public long Points { get; init; }
    [Id(3)] public long Epoch { get; init; }

    /// <summary>False when the cause had been granted before: this is the first grant's record.</summary>
    [Id(4)] public bool Applied { get; init; }
}
