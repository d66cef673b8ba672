using System.Collections.Immutable;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>Parses the signed <c>actions</c> string of a Proposal message (or <c>choices</c> of a ChoiceProposal).</summary>
public static class ProposalActions
{
    /// <summary>The signed form of one choice: a label and its actions as JSON (not a string this time).</summary>
    private sealed record SignedChoice(string Label, JsonElement? Actions);

    /// <summary>Parses <c>[{"label":"…","actions":[…]}, …]</c>; the actions of each choice as <see cref="Parse"/> does.</summary>
    public static ImmutableArray<ProposalChoice> ParseChoices(string choices, JsonSerializerOptions options)
    {
        ImmutableArray<SignedChoice?> parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ImmutableArray<SignedChoice?>>(choices, options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw InvalidChoices(e.Message);
        }
        if (parsed.IsDefault) throw InvalidChoices("it is not an array.");
        var result = ImmutableArray.CreateBuilder<ProposalChoice>(parsed.Length);
        for (var i = 0; i < parsed.Length; i++)
        {
            var choice = parsed[i] ?? throw InvalidChoices($"choices[{i}] is null.");
            var actions = choice.Actions is { ValueKind: not JsonValueKind.Null } a ? a.GetRawText() : "[]";
            result.Add(new ProposalChoice { Label = choice.Label, Actions = Parse(actions, options, $"choices[{i}].actions") });
        }
        return result.MoveToImmutable();
    }

    public static ImmutableArray<ProposalAction> Parse(string actions, JsonSerializerOptions options, string at = "actions")
    {
        ImmutableArray<ProposalAction?> parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ImmutableArray<ProposalAction?>>(actions, options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw Invalid(e.Message);
        }
        if (parsed.IsDefault)
            throw Invalid("actions must be a JSON array (use \"[]\" for none).");
        var result = ImmutableArray.CreateBuilder<ProposalAction>(parsed.Length);
        for (var i = 0; i < parsed.Length; i++)
            result.Add(RequestAddresses.Normalize(parsed[i] ?? throw Invalid($"{at}[{i}] is null."), $"{at}[{i}]"));
        return result.MoveToImmutable();
    }

    private static ApiProblemException InvalidChoices(string detail) => new(ErrorCodes.InvalidChoice,
        "message.choices must be a JSON array of 2..32 objects {\"label\": \"…\", \"actions\": […]}. " + detail);

    private static ApiProblemException Invalid(string detail) => new(ErrorCodes.InvalidActions,
        "message.actions must be a JSON array of actions, each with \"type\": "
        + "amendConstitution | createSubDao | allocateBudget | treasuryTransfer | setRole | onChainCall | setPersonhood | fundRewards"
        + " | reverseModeration | openGrantProgram | decideGrant. " + detail);
}
