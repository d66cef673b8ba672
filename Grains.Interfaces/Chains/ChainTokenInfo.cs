namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A contract mirrored under a token id: an ERC20Votes token into voters (<c>btk@412346</c>), or a VotingEscrow into
/// lock grains (<c>vebtk@412346</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.ChainTokenInfo")]
public sealed record ChainTokenInfo([property: Id(0)] string Address, [property: Id(1)] string Token);
