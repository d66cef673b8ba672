namespace Blocktrack.Grains.Audit;

/// <summary>How often the audit log's running hash goes to the anchor contract (section <c>Governance:Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Governance:Audit";

    /// <summary>Anchor at the latest after this many new entries.</summary>
    public int AnchorEvery { get; set; } = 100;

    /// <summary>Anchor at the latest this long after the first unanchored entry (coalesced: one record per interval).</summary>
    public TimeSpan AnchorInterval { get; set; } = TimeSpan.FromMinutes(5);

    public static bool IsValid(AuditOptions o) => o.AnchorEvery >= 1 && o.AnchorInterval >= TimeSpan.FromMinutes(1);

    public const string ValidationMessage = "Governance:Audit needs AnchorEvery >= 1 and AnchorInterval >= 00:01:00 (a reminder's minimum)";
}
