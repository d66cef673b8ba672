namespace Blocktrack.Grains.Interfaces;

/// <summary>Filters of an audit read; every set field must match (act, actor and subject exactly, time as [From, To)).</summary>
[GenerateSerializer, Immutable, Alias("bt.AuditQuery")]
public sealed record AuditQuery
{
    [Id(0)] public string? Act { get; init; }
    [Id(1)] public string? Actor { get; init; }
    [Id(2)] public string? Subject { get; init; }
    [Id(3)] public DateTimeOffset? From { get; init; }
    [Id(4)] public DateTimeOffset? To { get; init; }

    public bool IsEmpty => Act is null && Actor is null && Subject is null && From is null && To is null;

    public bool Matches(AuditEntry e) =>
        (Act is null || e.Act == Act) && (Actor is null || string.Equals(e.Actor, Actor, StringComparison.OrdinalIgnoreCase))
        && (Subject is null || e.Subject == Subject) && (From is null || e.At >= From) && (To is null || e.At < To);
}
