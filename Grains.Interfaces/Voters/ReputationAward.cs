using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>An award of reputation as recorded, and the address's reputation in its domain right after it.</summary>
[GenerateSerializer, Immutable, Alias("bt.ReputationAward")]
public sealed record ReputationAward
{
    [Id(0)] public string Address { get; init; } = "";
    [Id(1)] public string Domain { get; init; } = "";

    /// <summary>Why it was awarded, e.g. <c>vote:{proposal}</c> or <c>manual:{id}</c>; an address is awarded once per cause.</summary>
    [Id(2)] public string Cause { get; init; } = "";
    [Id(3)] public BigInteger Amount { get; init; }

    /// <summary>Unix seconds the award counts from.</summary>
    [Id(4)] public long At { get; init; }

    /// <summary>False when the cause had been awarded before: nothing changed and this is the first award's record.</summary>
    [Id(5)] public bool Applied { get; init; }

    /// <summary>The address's reputation in <see cref="Domain"/> at <see cref="At"/>, this award included.</summary>
    [Id(6)] public BigInteger Reputation { get; init; }
}
