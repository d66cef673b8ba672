namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Nouns DAO's dynamic quorum: quorumBps = min(<see cref="MaxBps"/>, <see cref="MinBps"/> + <see cref="Coefficient"/> ·
/// againstBps / 10⁶), where againstBps = 10,000 · Against / votable power at the snapshot. The more opposition, the
/// more support a proposal needs.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.DynamicQuorum")]
public sealed record DynamicQuorum
{
    [Id(0)] public int MinBps { get; init; }
    [Id(1)] public int MaxBps { get; init; }

    /// <summary>Fixed point with 6 decimals: 1,000,000 adds one bps of quorum per bps of Against.</summary>
    [Id(2)] public long Coefficient { get; init; }
}
