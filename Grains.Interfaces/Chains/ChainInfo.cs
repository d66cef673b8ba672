using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A configured chain as the silos see it (the RPC endpoint without credentials, path or query).</summary>
[GenerateSerializer, Immutable, Alias("bt.ChainInfo")]
public sealed record ChainInfo
{
    [Id(0)] public long Id { get; init; }
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>Scheme, host and port of the node; anything that may carry an API key is left out.</summary>
    [Id(2)] public string Endpoint { get; init; } = "";
    [Id(3)] public int Confirmations { get; init; }
    [Id(4)] public TimeSpan PollInterval { get; init; }
    [Id(5)] public ImmutableArray<ChainTokenInfo> Tokens { get; init; } = [];
    [Id(6)] public ImmutableArray<ChainGovernorInfo> Governors { get; init; } = [];

    /// <summary>VotingEscrow contracts whose locks are mirrored, each under its token id (e.g. <c>vebtk@412346</c>).</summary>
    [Id(7)] public ImmutableArray<ChainTokenInfo> Escrows { get; init; } = [];
}
