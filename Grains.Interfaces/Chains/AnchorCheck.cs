namespace Blocktrack.Grains.Interfaces;

/// <summary>An anchored record next to what the anchor contract holds for it now.</summary>
[GenerateSerializer, Immutable, Alias("bt.AnchorCheck")]
public sealed record AnchorCheck
{
    [Id(0)] public AnchorRecord? Record { get; init; }

    /// <summary>Whether the contract has a record under this key.</summary>
    [Id(1)] public bool OnChain { get; init; }

    /// <summary>The contract's hash (ballot-set hash or constitution hash).</summary>
    [Id(2)] public string? OnChainHash { get; init; }

    /// <summary>The contract's state number for a result (the cluster's ProposalState numbering).</summary>
    [Id(3)] public int? OnChainState { get; init; }

    /// <summary>True when the contract holds exactly what the cluster published.</summary>
    [Id(4)] public bool Matches { get; init; }
}
