using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Participation;

/// <summary>What makes a constitution's participation programme well-formed.</summary>
public static class ProgrammeRules
{
    public const long MinEpochSeconds = 60;
    public const long MaxEpochSeconds = 366L * 24 * 3600;
    public const long MaxPoints = 1_000_000;

    public static void Validate(ParticipationRules p)
    {
        Check(p.EpochSeconds is >= MinEpochSeconds and <= MaxEpochSeconds,
            $"participation: an epoch lasts {MinEpochSeconds}..{MaxEpochSeconds} seconds");
        Check(p.SettleSeconds >= 0 && p.SettleSeconds < p.EpochSeconds, "participation: settleSeconds is 0 or more and below an epoch");
        Check(p.AppealWindowSeconds is >= 0 and <= MaxEpochSeconds, $"participation: the appeal window is 0..{MaxEpochSeconds} seconds");
        foreach (var (name, value) in new[]
                 {
                     ("votePoints", p.VotePoints), ("reasonPoints", p.ReasonPoints), ("proposalPassedPoints", p.ProposalPassedPoints),
                     ("moderationPoints", p.ModerationPoints), ("milestonePoints", p.MilestonePoints),
                 })
            Check(value is >= 0 and <= MaxPoints, $"participation: {name} is 0..{MaxPoints}");
        Check(p.CapPerEpoch is >= 1 and <= MaxPoints * 100, "participation: capPerEpoch is at least 1");
        Check(p.MinVotingPower.Sign >= 0, "participation: minVotingPower may not be negative");
        BadgeRules.Validate(p.Badges.IsDefault ? [] : p.Badges);
    }

    private static void Check(bool ok, string message) => Refuse.Unless(ok, GovernanceError.ConstitutionViolation, message);
}
