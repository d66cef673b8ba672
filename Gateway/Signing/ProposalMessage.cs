using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// A signed proposal:
/// <c>Proposal(address proposer,string dao,string class,string title,string description,string actions,uint64 timestamp)</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProposalMessage : IProposalMessage
{
    public static string TypeName => "Proposal";

    public required string Proposer { get; init; }

    /// <summary>The DAO path; must equal the route's.</summary>
    public required string Dao { get; init; }

    public required string Class { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>A JSON array of actions, as a string: signed verbatim, parsed by the Gateway.</summary>
    public required string Actions { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Proposer;

    /// <summary>The actions, parsed and with lower-case addresses; set by <see cref="Admit"/>.</summary>
    [JsonIgnore]
    public ImmutableArray<ProposalAction> ParsedActions { get; private set; } = [];

    public void Validate()
    {
        MessageFields.RequireProposal(this);
        MessageFields.Require(Actions, "actions");
    }

    public void Admit(HttpContext http, string signer)
    {
        SignedTarget.SameDao(Dao, http);
        // Parsed before the message is used up, so a typo in the actions does not burn the signature.
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        ParsedActions = ProposalActions.Parse(Actions, json);
    }

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).String(Class).String(Title).String(Description).String(Actions)
            .Uint(Timestamp).ToHash();
}
