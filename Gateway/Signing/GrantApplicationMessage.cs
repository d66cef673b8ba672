using System.Collections.Immutable;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// A signed grant application: <c>GrantApplication(address applicant,string dao,uint64 program,string title,
/// string description,uint256 amount,address recipient,string milestones,uint16[] sdgs,uint64 timestamp)</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GrantApplicationMessage : ISignedMessage
{
    public static string TypeName => "GrantApplication";

    public required string Applicant { get; init; }

    /// <summary>The DAO path and program number; must equal the route's.</summary>
    public required string Dao { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Program { get; init; }

    public required string Title { get; init; }
    public required string Description { get; init; }

    /// <summary>Base units of the program's asset, as a decimal string.</summary>
    public required string Amount { get; init; }

    public required string Recipient { get; init; }

    /// <summary>A JSON array of <c>{description, shareBps, due}</c>, as a string: signed verbatim, parsed by the Gateway.</summary>
    public required string Milestones { get; init; }

    public required ImmutableArray<ushort> Sdgs { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Applicant;

    [JsonIgnore]
    public BigInteger ParsedAmount { get; private set; }

    [JsonIgnore]
    public ImmutableArray<MilestonePlan> ParsedMilestones { get; private set; } = [];

    public void Validate()
    {
        MessageFields.Require(Dao, "dao");
        MessageFields.Require(Title, "title");
        MessageFields.Require(Description, "description");
        MessageFields.Require(Milestones, "milestones");
        MessageFields.Address(Recipient, "recipient");
        if (Sdgs.IsDefault) throw new ApiProblemException(ErrorCodes.MalformedRequest, "message.sdgs must be an array (may be []).");
        ParsedAmount = MessageFields.Amount(Amount, "amount");
    }

    public void Admit(HttpContext http, string signer)
    {
        SignedTarget.SameDao(Dao, http);
        SignedTarget.SameNumber("program", (long)Program, GrantRoute.FromRoute(http).Program);
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            ParsedMilestones = JsonSerializer.Deserialize<ImmutableArray<MilestonePlan>>(Milestones, json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw new ApiProblemException(ErrorCodes.MalformedRequest,
                $"message.milestones must be a JSON array of {{description, shareBps, due}}: {e.Message}");
        }
        if (ParsedMilestones.IsDefault || ParsedMilestones.Any(m => m is null))
            throw new ApiProblemException(ErrorCodes.MalformedRequest, "message.milestones must be a JSON array of milestones.");
    }

    public GrantApplication ToApplication(string signer, string digest) => new()
    {
        Applicant = signer, Title = Title, Description = Description, Amount = ParsedAmount,
        Recipient = MessageFields.Address(Recipient, "recipient"), Milestones = ParsedMilestones, Sdgs = [.. Sdgs.Select(s => (int)s)],
        Digest = digest,
    };

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).Uint(Program).String(Title).String(Description).Uint(ParsedAmount)
            .Address(MessageFields.Address(Recipient, "recipient")).String(Milestones).UintArray([.. Sdgs.Select(s => (ulong)s)])
            .Uint(Timestamp).ToHash();
}
