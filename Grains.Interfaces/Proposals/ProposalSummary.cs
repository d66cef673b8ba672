namespace Blocktrack.Grains.Interfaces;

/// <summary>A line of a DAO's proposal index.</summary>
[GenerateSerializer, Immutable, Alias("bt.ProposalSummary")]
public sealed record ProposalSummary
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Title { get; init; } = "";
    [Id(2)] public string Class { get; init; } = "";
    [Id(3)] public string Proposer { get; init; } = "";
    [Id(4)] public ProposalState State { get; init; }
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Hidden from listings by a moderator (still counted, provable and executable as ever).</summary>
    [Id(6)] public bool Hidden { get; init; }
}
