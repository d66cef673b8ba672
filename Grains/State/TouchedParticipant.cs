namespace Blocktrack.Grains.State;

/// <summary>A participant (<c>{dao}/{address}</c>) whose badge mint was mirrored in a block, so a reorg knows whom to tell.</summary>
[GenerateSerializer, Immutable, Alias("bt.TouchedParticipant")]
public readonly record struct TouchedParticipant([property: Id(0)] long Block, [property: Id(1)] string Participant);
