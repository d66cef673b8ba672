namespace Blocktrack.Grains.State;

/// <summary>A voter whose mirrored votes in a token changed in a block.</summary>
[GenerateSerializer, Immutable, Alias("bt.TouchedVoter")]
public readonly record struct TouchedVoter([property: Id(0)] long Block, [property: Id(1)] string Token, [property: Id(2)] string Voter);
