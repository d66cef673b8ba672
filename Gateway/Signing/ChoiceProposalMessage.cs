using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// A signed proposal in a choice class:
/// <c>ChoiceProposal(address proposer,string dao,string class,string title,string description,string choices,uint64 timestamp)</c>.
/// <see cref="Choices"/> is a JSON array as a string, signed verbatim: <c>[{"label":"…","actions":[…]}, …]</c>, 2–32
/// choices, each with the actions that execute if it wins.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChoiceProposalMessage : IProposalMessage
{
    public static string TypeName => "ChoiceProposal";

    public required string Proposer { get; init; }

    /// <summary>The DAO path; must equal the route's.</summary>
    public required string Dao { get; init; }

    public required string Class { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The choices as a JSON string (signed verbatim, parsed by the Gateway).</summary>
    public required string Choices { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Proposer;

    /// <summary>The choices, parsed, with lower-case addresses in their actions; set by <see cref="Admit"/>.</summary>
    [JsonIgnore]
    public ImmutableArray<ProposalChoice> ParsedChoices { get; private set; } = [];

    public void Validate()
    {
        MessageFields.RequireProposal(this);
        MessageFields.Require(Choices, "choices");
    }

    public void Admit(HttpContext http, string signer)
    {
        SignedTarget.SameDao(Dao, http);
        // Parsed before the message is used up, so a typo in the choices does not burn the signature.
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        ParsedChoices = ProposalActions.ParseChoices(Choices, json);
    }

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).String(Class).String(Title).String(Description).String(Choices)
            .Uint(Timestamp).ToHash();
}
