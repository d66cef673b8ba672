using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>What a DAO hands a new proposal grain: the draft plus the rules it lives under.</summary>
[GenerateSerializer, Immutable, Alias("bt.ProposalSetup")]
public sealed record ProposalSetup
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Dao { get; init; } = "";
    [Id(2)] public long Seq { get; init; }
    [Id(3)] public ProposalDraft Draft { get; init; } = new();
    [Id(4)] public ProposalClass Class { get; init; } = new();
    [Id(5)] public int ConstitutionVersion { get; init; }
    [Id(6)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Power of the proposer when it proposed (for the record).</summary>
    [Id(7)] public BigInteger ProposerVotes { get; init; }

    /// <summary>How many ballot shards the proposal's voters are spread over.</summary>
    [Id(8)] public int BallotShards { get; init; } = Interfaces.BallotShards.Default;
}
