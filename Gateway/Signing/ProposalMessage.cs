using System.Text.Json.Serialization;

namespace Blocktrack.Gateway;

/// <summary>A signed proposal: <c>Proposal(address proposer,string dao,string class,string title,string description,string actions,uint64 timestamp)</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProposalMessage : ISignedMessage
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

    public void Validate()
    {
        MessageFields.Require(Dao, "dao");
        MessageFields.Require(Class, "class");
        MessageFields.Require(Title, "title");
        MessageFields.Require(Description, "description");
        MessageFields.Require(Actions, "actions");
    }

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).String(Class).String(Title).String(Description).String(Actions).Uint(Timestamp).ToHash();
}
