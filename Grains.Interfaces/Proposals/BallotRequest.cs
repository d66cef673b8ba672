namespace Blocktrack.Grains.Interfaces;

/// <summary>A ballot whose signature the Gateway has verified: the voter is the recovered signer.</summary>
[GenerateSerializer, Immutable, Alias("bt.BallotRequest")]
public sealed record BallotRequest
{
    [Id(0)] public string Voter { get; init; } = "";
    [Id(1)] public Support Support { get; init; }
    [Id(2)] public string Reason { get; init; } = "";
    [Id(3)] public long Timestamp { get; init; }
    [Id(4)] public string Digest { get; init; } = "";
    [Id(5)] public string Signature { get; init; } = "";
}
