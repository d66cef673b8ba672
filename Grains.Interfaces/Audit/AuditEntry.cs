namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One entry of the audit log: the act, its place (<see cref="Seq"/> from 1) and the running hash
/// <c>hash_n = keccak256(hash_{n-1} || canonical bytes of entry n)</c>, with <c>hash_0</c> 32 zero bytes.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.AuditEntry")]
public sealed record AuditEntry
{
    [Id(0)] public long Seq { get; init; }
    [Id(1)] public DateTimeOffset At { get; init; }
    [Id(2)] public AuditActorKind ActorKind { get; init; }
    [Id(3)] public string Actor { get; init; } = "";
    [Id(4)] public string Act { get; init; } = "";
    [Id(5)] public string Subject { get; init; } = "";
    [Id(6)] public string Detail { get; init; } = "";
    [Id(7)] public string? TraceId { get; init; }
    [Id(8)] public string Cause { get; init; } = "";

    /// <summary>The running hash before this entry (0x, 32 bytes).</summary>
    [Id(9)] public string PreviousHash { get; init; } = "";

    /// <summary>The running hash including this entry (0x, 32 bytes).</summary>
    [Id(10)] public string Hash { get; init; } = "";
}
