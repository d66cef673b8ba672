using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>What every proposal draft must satisfy whatever its class: a title, a bounded description, an action list.</summary>
public static class DraftRules
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 20_000;
    public const int MaxVetoReason = 1000;

    public static void Validate(ProposalDraft draft)
    {
        Refuse.Unless(!string.IsNullOrWhiteSpace(draft.Title) && draft.Title.Length <= MaxTitle, GovernanceError.InvalidArgument,
            $"a title of 1..{MaxTitle} characters is required");
        Refuse.Unless(draft.Description.Length <= MaxDescription, GovernanceError.InvalidArgument,
            $"the description exceeds {MaxDescription} characters");
        Refuse.Unless(!draft.Actions.IsDefault, GovernanceError.InvalidArgument, "actions are required (may be empty)");
    }

    /// <summary>A veto's reason is kept, cut to a bounded length rather than refused: the veto itself must not fail on it.</summary>
    public static string VetoReason(string reason) => reason.Length <= MaxVetoReason ? reason : reason[..MaxVetoReason];
}
