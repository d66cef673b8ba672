using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>How a shard treats a ballot next to the one it already counts for the same voter.</summary>
public enum BallotAdmission
{
    /// <summary>The voter's first ballot.</summary>
    First = 0,

    /// <summary>The very ballot already counted (same digest): answer with its receipt, count nothing.</summary>
    Duplicate = 1,

    /// <summary>A newer ballot that replaces the counted one.</summary>
    Replacement = 2,
}

/// <summary>Which ballots a shard may count: well-formed, in its own slice of voters, and changes only as the class allows.</summary>
public static class BallotRules
{
    public const int MaxReason = 1000;

    public static void Validate(BallotRequest r)
    {
        Addresses.Require(r.Voter, "voter");
        Refuse.Unless(Enum.IsDefined(r.Support), GovernanceError.InvalidArgument, "support must be 0 (Against), 1 (For) or 2 (Abstain)");
        Refuse.Unless(r.Reason.Length <= MaxReason, GovernanceError.InvalidArgument, $"a reason is at most {MaxReason} characters");
        Refuse.Unless(Hex.IsHex(r.Digest, 32), GovernanceError.InvalidArgument,
            "digest must be 32 bytes of 0x hex");
    }

    /// <summary>
    /// A ballot fits its proposal: For/Against/Abstain in a basic class, choices that the class's counting type can count
    /// in a choice class (otherwise <see cref="GovernanceError.InvalidChoice"/>).
    /// </summary>
    public static void RequireFits(BallotRequest r, ProposalClass cls, int choiceCount)
    {
        if (!cls.CountsChoices)
        {
            Refuse.Unless(!r.HasChoices && r.Weights.IsDefaultOrEmpty, GovernanceError.InvalidChoice,
                $"class '{cls.Name}' counts For, Against and Abstain: sign a Ballot, not a ChoiceBallot");
            return;
        }
        // Unlike Snapshot, an empty approval is refused too: every counted choice ballot names at least one choice.
        Refuse.Unless(r.HasChoices, GovernanceError.InvalidChoice,
            $"class '{cls.Name}' counts {cls.Counting} over {choiceCount} choices: sign a ChoiceBallot naming at least one");
        var vote = ChoiceVote.From(1, r.Choices, r.Weights);
        var problem = ChoiceCounting.Problem(cls.Counting, choiceCount, vote);
        Refuse.Unless(problem is null, GovernanceError.InvalidChoice, $"{problem} (class '{cls.Name}', {cls.Counting})");
    }

    /// <summary>A ballot's counted weight: the power, or its exact integer square root in a quadratic basic class.</summary>
    public static BigInteger WeightOf(ProposalClass cls, BigInteger power) => cls.QuadraticPower ? IntegerMath.Sqrt(power) : power;

    public static void RequireShard(string voter, int shards, int shardIndex)
    {
        var owner = BallotShards.Of(voter, shards);
        Refuse.Unless(owner == shardIndex, GovernanceError.InvalidArgument, $"{voter} votes through shard {owner}, not {shardIndex}");
    }

    /// <summary>Refuses what cannot be counted; otherwise says whether the request is new, a repeat or a replacement.</summary>
    public static BallotAdmission Admit(CompactBallot? counted, BallotRequest request, ProposalClass proposalClass)
    {
        if (counted is null) return BallotAdmission.First;
        if (counted.Digest == request.Digest) return BallotAdmission.Duplicate;
        Refuse.Unless(proposalClass.AllowBallotChange, GovernanceError.AlreadyVoted,
            $"{request.Voter} has already voted and class '{proposalClass.Name}' does not allow changes");
        Refuse.Unless(request.Timestamp > counted.Timestamp, GovernanceError.StaleBallot,
            $"a replacement ballot must be newer than the one counted (timestamp {counted.Timestamp})");
        return BallotAdmission.Replacement;
    }
}
