using System.Collections.Immutable;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>Parses the signed <c>actions</c> string of a Proposal message into grain actions.</summary>
public static class ProposalActions
{
    public static ImmutableArray<ProposalAction> Parse(string actions, JsonSerializerOptions options)
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
            result.Add(RequestAddresses.Normalize(parsed[i] ?? throw Invalid($"actions[{i}] is null."), $"actions[{i}]"));
        return result.MoveToImmutable();
    }

    private static ApiProblemException Invalid(string detail) => new(ErrorCodes.InvalidActions,
        "message.actions must be a JSON array of actions, each with \"type\": "
        + "amendConstitution | createSubDao | allocateBudget | treasuryTransfer | setRole. " + detail);
}
