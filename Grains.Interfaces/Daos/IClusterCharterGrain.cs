using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A chain's configuration as pinned when a DAO retired <see cref="OperatorCapability.ConfigureChains"/>.</summary>
[GenerateSerializer, Immutable, Alias("bt.ChainPin")]
public sealed record ChainPin
{
    [Id(0)] public long Chain { get; init; }

    /// <summary><see cref="Absent"/> for a chain the cluster did not mirror then, else the configuration's fingerprint.</summary>
    [Id(1)] public string Fingerprint { get; init; } = "";

    /// <summary>The DAOs that pinned it, first first.</summary>
    [Id(2)] public ImmutableArray<string> PinnedBy { get; init; } = [];

    [Id(3)] public DateTimeOffset PinnedAt { get; init; }

    public const string Absent = "absent";
}

/// <summary>
/// The operator powers that sit above every DAO, as DAOs retired them (key 0): founding root DAOs, and the configuration
/// of the chains they depend on. Nothing here is ever given back.
/// </summary>
[Alias("bt.IClusterCharterGrain")]
public interface IClusterCharterGrain : IGrainWithIntegerKey
{
    /// <summary>A root DAO retires the founding of root DAOs for the cluster; idempotent (the first DAO is kept).</summary>
    [Alias("RetireRootFounding")] Task RetireRootFounding(string dao);

    /// <summary>The root DAO that retired founding root DAOs, or null while the operator may still found them.</summary>
    [Alias("RootFoundingRetiredBy")] Task<string?> RootFoundingRetiredBy();

    /// <summary>Pins a chain's configuration for a DAO; the first fingerprint pinned stays.</summary>
    [Alias("PinChain")] Task PinChain(string dao, long chain, string fingerprint);

    /// <summary>The pin of a chain, or null.</summary>
    [Alias("PinOf")] Task<ChainPin?> PinOf(long chain);
}
