using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Grants;

/// <summary>What makes a program's terms, an application and its milestone plan acceptable, and how a grant splits into tranches.</summary>
public static class GrantRules
{
    public const int FullShare = 10_000;
    public const int MaxMilestones = 24;
    public const int MaxTitle = 200;
    public const int MaxDescription = 20_000;
    public const int MaxEvidenceUrl = 2_000;
    public const int MaxApprovals = 32;

    public static void ValidateTerms(GrantProgramTerms? terms, string at = "program")
    {
        Refuse.Unless(terms is not null, GovernanceError.InvalidArgument, $"{at}: terms are required");
        Refuse.Unless(!string.IsNullOrWhiteSpace(terms!.Name) && terms.Name.Length <= MaxTitle, GovernanceError.InvalidArgument,
            $"{at}: a name of 1..{MaxTitle} characters is required");
        Refuse.Unless(Names.IsToken(terms.Asset), GovernanceError.InvalidArgument, $"{at}: '{terms.Asset}' is not a valid asset id");
        Refuse.Unless(terms.Budget.Sign > 0, GovernanceError.InvalidArgument, $"{at}: the budget must be positive");
        Refuse.Unless(terms.MaxGrant.Sign > 0 && terms.MaxGrant <= terms.Budget, GovernanceError.InvalidArgument,
            $"{at}: the largest grant must be positive and at most the budget");
        Refuse.Unless(terms.ApplicationsOpen < terms.ApplicationsClose && terms.ApplicationsClose <= terms.EndsAt,
            GovernanceError.InvalidArgument, $"{at}: applications must open before they close, and close no later than the program ends");
        Refuse.Unless(terms.Approvals is >= 1 and <= MaxApprovals, GovernanceError.InvalidArgument,
            $"{at}: a decision takes 1..{MaxApprovals} committee approvals");
        SdgRules.ValidateGoals(terms.Sdgs, at);
    }

    /// <summary>Checks an application against the program's terms at <paramref name="now"/> (unix seconds).</summary>
    public static void ValidateApplication(GrantProgramTerms terms, GrantApplication a, long now)
    {
        Refuse.Unless(now >= terms.ApplicationsOpen && now < terms.ApplicationsClose, GovernanceError.InvalidState,
            $"the program takes applications from {terms.ApplicationsOpen} until {terms.ApplicationsClose} (unix seconds); now is {now}");
        Addresses.Require(a.Applicant, "applicant");
        Addresses.Require(a.Recipient, "recipient");
        Refuse.Unless(!string.IsNullOrWhiteSpace(a.Title) && a.Title.Length <= MaxTitle, GovernanceError.InvalidArgument,
            $"a title of 1..{MaxTitle} characters is required");
        Refuse.Unless(a.Description.Length <= MaxDescription, GovernanceError.InvalidArgument,
            $"the description is longer than {MaxDescription} characters");
        Refuse.Unless(a.Amount.Sign > 0 && a.Amount <= terms.MaxGrant, GovernanceError.InvalidArgument,
            $"the amount must be positive and at most the program's largest grant ({terms.MaxGrant} {terms.Asset})");
        ValidatePlan(a.Milestones, now, terms.EndsAt);
        SdgRules.ValidateGoals(a.Sdgs, "application");
    }

    /// <summary>
    /// A plan has 1..<see cref="MaxMilestones"/> milestones, each with a description and a positive share; the shares sum to
    /// exactly 10,000 bps and the due dates are in order, after <paramref name="now"/> and no later than the program's end.
    /// </summary>
    public static void ValidatePlan(ImmutableArray<MilestonePlan> plan, long now, long endsAt)
    {
        Refuse.Unless(!plan.IsDefaultOrEmpty && plan.Length <= MaxMilestones, GovernanceError.InvalidArgument,
            $"a grant has 1..{MaxMilestones} milestones");
        var sum = 0L;
        var previous = now;
        for (var i = 0; i < plan.Length; i++)
        {
            var m = plan[i] ?? throw Refuse.With(GovernanceError.InvalidArgument, $"milestone {i} is null");
            Refuse.Unless(!string.IsNullOrWhiteSpace(m.Description) && m.Description.Length <= MaxTitle * 10,
                GovernanceError.InvalidArgument, $"milestone {i} needs a description of 1..{MaxTitle * 10} characters");
            Refuse.Unless(m.ShareBps is > 0 and <= FullShare, GovernanceError.InvalidArgument,
                $"milestone {i}: a share is 1..{FullShare} bps");
            Refuse.Unless(m.Due > previous && m.Due <= endsAt, GovernanceError.InvalidArgument,
                $"milestone {i}: due dates must be in order, in the future and no later than the program's end ({endsAt})");
            sum += m.ShareBps;
            previous = m.Due;
        }
        Refuse.Unless(sum == FullShare, GovernanceError.InvalidArgument,
            $"milestone shares sum to {sum} bps; they must sum to exactly {FullShare}");
    }

    /// <summary>Each milestone's tranche: amount × share / 10,000, rounded down; the last takes the remainder, so they sum to the amount.</summary>
    public static ImmutableArray<BigInteger> Tranches(BigInteger amount, ImmutableArray<MilestonePlan> plan)
    {
        var tranches = ImmutableArray.CreateBuilder<BigInteger>(plan.Length);
        var left = amount;
        for (var i = 0; i < plan.Length; i++)
        {
            var t = i == plan.Length - 1 ? left : amount * plan[i].ShareBps / FullShare;
            tranches.Add(t);
            left -= t;
        }
        return tranches.MoveToImmutable();
    }

    /// <summary>What a cancellation claws back: the tranches not paid yet.</summary>
    public static BigInteger Clawback(BigInteger amount, BigInteger paid) => amount - paid;

    /// <summary>A decision is taken once this many distinct committee members made it.</summary>
    public static bool Reached(int count, GrantProgramTerms terms) => count >= terms.Approvals;
}
