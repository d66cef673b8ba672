using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>Bounds of the pages grains answer, so no single call reads an unbounded slice.</summary>
public static class Paging
{
    public const int MaxProposalPage = 200;
    public const int MaxBallotPage = 1000;
    public const int MaxTreasuryPage = 500;

    /// <summary>Ballot pages merge every shard's first offset + limit voters, so the depth is bounded too.</summary>
    public const int MaxBallotDepth = 100_000;

    public static void RequireProposalPage(int offset, int limit) =>
        Refuse.Unless(offset >= 0 && limit is >= 1 and <= MaxProposalPage, GovernanceError.InvalidArgument,
            $"offset must be ≥ 0 and limit 1..{MaxProposalPage}");

    public static void RequireBallotPage(int offset, int limit) =>
        Refuse.Unless(offset >= 0 && limit is >= 1 and <= MaxBallotPage && offset + limit <= MaxBallotDepth,
            GovernanceError.InvalidArgument,
            $"offset must be ≥ 0, limit 1..{MaxBallotPage}, offset + limit ≤ {MaxBallotDepth}");

    public static void RequireTreasuryPage(int offset, int limit) =>
        Refuse.Unless(offset >= 0 && limit is >= 1 and <= MaxTreasuryPage, GovernanceError.InvalidArgument,
            $"offset must be ≥ 0 and limit 1..{MaxTreasuryPage}");
}
