using System.Collections.Immutable;

namespace Blocktrack.Verifier;

public enum FindingStatus
{
    Passed,
    Failed,

    /// <summary>Nothing to compare (say, no anchor chain configured): neither a pass nor a failure.</summary>
    Skipped,
}

/// <summary>One check of the audit: what was compared, the outcome in a line, and the offending items.</summary>
public sealed record Finding(string Check, FindingStatus Status, string Summary, ImmutableArray<string> Details)
{
    public static Finding Pass(string check, string summary) => new(check, FindingStatus.Passed, summary, []);

    public static Finding Skip(string check, string summary) => new(check, FindingStatus.Skipped, summary, []);

    public static Finding Fail(string check, string summary, IEnumerable<string>? details = null) =>
        new(check, FindingStatus.Failed, summary, [.. details ?? []]);

    /// <summary>Passed when nothing is offending, else failed with the offenders.</summary>
    public static Finding Of(string check, int total, IReadOnlyList<string> offenders, string passed, string failed) =>
        offenders.Count == 0 ? Pass(check, $"{total}/{total} {passed}") : Fail(check, $"{offenders.Count}/{total} {failed}", offenders);
}

/// <summary>The audit of one proposal: every finding in order; verified only when none failed.</summary>
public sealed record AuditReport(string Proposal, ImmutableArray<Finding> Findings)
{
    public bool Verified => Findings.All(f => f.Status != FindingStatus.Failed);

    public Finding this[string check] => Findings.Single(f => f.Check == check);
}
