namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A privileged act as the grain that owns it hands it to the audit log: saved with the act's own change and delivered
/// after it, so a crash between the two delays the entry but never loses it; the log appends it once per <see cref="Cause"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.AuditAct")]
public sealed record AuditAct
{
    /// <summary>Idempotency key chosen by the owner (<c>executed:{proposal}</c>, <c>voter:{address}#7</c>).</summary>
    [Id(0)] public string Cause { get; init; } = "";
    [Id(1)] public DateTimeOffset At { get; init; }
    [Id(2)] public AuditActorKind ActorKind { get; init; }

    /// <summary>Operator key name, signer address, proposal id or chain id.</summary>
    [Id(3)] public string Actor { get; init; } = "";

    /// <summary>One of <see cref="AuditActs"/>.</summary>
    [Id(4)] public string Act { get; init; } = "";

    /// <summary>What it acted on: a DAO path, a proposal id, an address or a chain id.</summary>
    [Id(5)] public string Subject { get; init; } = "";
    [Id(6)] public string Detail { get; init; } = "";

    /// <summary>The trace id of the request that caused it (W3C trace id when traced), or null for the cluster's own acts.</summary>
    [Id(7)] public string? TraceId { get; init; }
}
