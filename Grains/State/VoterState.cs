using Blocktrack.Grains.Interfaces;
namespace Blocktrack.Grains.State;

/// <summary>Persisted state of a voter.</summary>
[GenerateSerializer, Alias("bt.VoterState")]
public sealed class VoterState
{
    [Id(0)] public Dictionary<string, TokenPosition> Tokens { get; set; } = [];

    /// <summary>Last sequence applied per "token|source", so redelivered vote transfers apply once.</summary>
    [Id(1)] public Dictionary<string, long> Applied { get; set; } = [];
    [Id(2)] public long NextSequence { get; set; }
    [Id(3)] public List<VoteTransfer> Outbox { get; set; } = [];

    /// <summary>Digests of signed messages already used, with their timestamps, until they are stale.</summary>
    [Id(4)] public Dictionary<string, long> UsedMessages { get; set; } = [];

    /// <summary>Audit acts saved with their change and not yet in the audit log, oldest first.</summary>
    [Id(5)] public List<AuditAct> AuditOutbox { get; set; } = [];

    /// <summary>Audit acts so far: numbers their causes.</summary>
    [Id(6)] public long AuditCount { get; set; }

    /// <summary>Per token, the latest delegated votes reported to the token's power distribution (analytics).</summary>
    [Id(7)] public Dictionary<string, PowerFeedReport> PowerReports { get; set; } = [];
}
