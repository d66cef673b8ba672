using System.Text.Json.Serialization;

namespace Blocktrack.Gateway;

/// <summary>The fields of a signed message about one grant, which must name the DAO, program and grant of its route.</summary>
public abstract record GrantTargetMessage
{
    public required string Dao { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Program { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Grant { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    protected void AdmitGrant(HttpContext http) => SignedTarget.SameGrant(Dao, (long)Program, (long)Grant, http);
}

/// <summary>A signed message about one milestone of a grant: also names the milestone of its route.</summary>
public abstract record MilestoneTargetMessage : GrantTargetMessage
{
    public required ushort Milestone { get; init; }

    public void Admit(HttpContext http, string signer)
    {
        AdmitGrant(http);
        SignedTarget.SameNumber("milestone", Milestone, GrantRoute.FromRoute(http).Milestone);
    }
}
