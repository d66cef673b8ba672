using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Something the cluster publishes to the anchor contract: a proposal's final result, a constitution's hash or the audit log's
/// running hash.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.AnchorRecord")]
public sealed record AnchorRecord
{
    /// <summary><c>result:{proposal}</c> or <c>constitution:{dao}@{version}</c>.</summary>
    [Id(0)] public string Key { get; init; } = "";

    /// <summary>The proposal id or the DAO path.</summary>
    [Id(1)] public string Subject { get; init; } = "";
    [Id(2)] public ProposalState? State { get; init; }
    [Id(3)] public BigInteger For { get; init; }
    [Id(4)] public BigInteger Against { get; init; }
    [Id(5)] public BigInteger Abstain { get; init; }

    /// <summary>The ballot-set hash of a result, or the constitution hash (0x, 32 bytes).</summary>
    [Id(6)] public string Hash { get; init; } = "";
    [Id(7)] public int? Version { get; init; }
    [Id(8)] public long Chain { get; init; }

    /// <summary>The transaction that recorded it, once sent.</summary>
    [Id(9)] public ChainTransaction? Transaction { get; init; }
    [Id(10)] public bool Published { get; init; }
    [Id(11)] public string? LastError { get; init; }
    [Id(12)] public DateTimeOffset QueuedAt { get; init; }

    /// <summary>Set for the audit log's running hash after entry <c>AuditSeq</c> (<see cref="Hash"/>).</summary>
    [Id(13)] public long? AuditSeq { get; init; }

    public static string ResultKey(string proposal) => $"result:{proposal}";
    public static string ConstitutionKey(string dao, int version) => $"constitution:{dao}@{version}";
    public static string AuditKey(long seq) => $"audit:{seq}";

    /// <summary>The subject of every audit record: the cluster's one audit log.</summary>
    public const string AuditSubject = "audit";
}
