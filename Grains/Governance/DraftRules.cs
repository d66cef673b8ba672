using System.Collections.Immutable;
using Blocktrack.Grains.Governance.Choices;
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

    public const int MaxChoiceLabel = 200;

    /// <summary>
    /// A basic class takes no choices; a choice class takes 2–32 distinct, labelled choices and keeps its actions on them
    /// (the winner's execute), not on the proposal.
    /// </summary>
    public static void ValidateChoices(ProposalClass cls, ProposalDraft draft)
    {
        var choices = draft.Choices.IsDefault ? [] : draft.Choices;
        if (!cls.CountsChoices)
        {
            Refuse.Unless(choices.IsEmpty, GovernanceError.InvalidChoice,
                $"class '{cls.Name}' counts For, Against and Abstain; it takes no choices");
            return;
        }
        Refuse.Unless(choices.Length is >= ChoiceCounting.MinChoices and <= ChoiceCounting.MaxChoices, GovernanceError.InvalidChoice,
            $"class '{cls.Name}' counts {cls.Counting}: a proposal needs {ChoiceCounting.MinChoices}..{ChoiceCounting.MaxChoices} "
            + $"choices, got {choices.Length}");
        Refuse.Unless(draft.Actions.IsDefaultOrEmpty, GovernanceError.InvalidChoice,
            "in a choice class actions belong to the choices (the winning choice's actions execute), not to the proposal");
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < choices.Length; i++)
        {
            var choice = choices[i] ?? throw Refuse.With(GovernanceError.InvalidChoice, $"choice {i + 1} is null");
            Refuse.Unless(!string.IsNullOrWhiteSpace(choice.Label) && choice.Label.Length <= MaxChoiceLabel, GovernanceError.InvalidChoice,
                $"choice {i + 1} needs a label of 1..{MaxChoiceLabel} characters");
            Refuse.Unless(labels.Add(choice.Label), GovernanceError.InvalidChoice, $"choice {i + 1} repeats the label '{choice.Label}'");
            Refuse.Unless(!choice.Actions.IsDefault, GovernanceError.InvalidArgument,
                $"choice {i + 1}: actions are required (may be empty)");
        }
    }

    /// <summary>Every action list of a draft: the proposal's own, then each choice's.</summary>
    public static IEnumerable<ImmutableArray<ProposalAction>> ActionLists(ProposalDraft draft) =>
        draft.Choices.IsDefaultOrEmpty ? [draft.Actions] : [draft.Actions, .. draft.Choices.Select(c => c.Actions)];

    /// <summary>A veto's reason is kept, cut to a bounded length rather than refused: the veto itself must not fail on it.</summary>
    public static string VetoReason(string reason) => reason.Length <= MaxVetoReason ? reason : reason[..MaxVetoReason];
}
