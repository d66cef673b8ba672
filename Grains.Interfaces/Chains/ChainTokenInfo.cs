namespace Blocktrack.Grains.Interfaces;

/// <summary>An ERC20Votes contract mirrored into voters under a token id such as <c>btk@412346</c>.</summary>
[GenerateSerializer, Immutable, Alias("bt.ChainTokenInfo")]
public sealed record ChainTokenInfo([property: Id(0)] string Address, [property: Id(1)] string Token);
