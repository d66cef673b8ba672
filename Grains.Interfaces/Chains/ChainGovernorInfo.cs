namespace Blocktrack.Grains.Interfaces;

/// <summary>An OpenZeppelin Governor mirrored read-only under a DAO-like path such as <c>onchain/l3</c>.</summary>
[GenerateSerializer, Immutable, Alias("bt.ChainGovernorInfo")]
public sealed record ChainGovernorInfo([property: Id(0)] string Address, [property: Id(1)] string Dao);
