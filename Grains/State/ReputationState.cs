using Blocktrack.Grains.Interfaces;
namespace Blocktrack.Grains.State;

/// <summary>Persisted state of an address's reputation ledger.</summary>
[GenerateSerializer, Alias("bt.ReputationState")]
public sealed class ReputationState
{
    /// <summary>Checkpoints per domain: (timepoint, value at that timepoint); readings decay them.</summary>
    [Id(0)] public Dictionary<string, List<Checkpoint>> Domains { get; set; } = [];

    /// <summary>Every award by its cause, so a cause is awarded once.</summary>
    [Id(1)] public Dictionary<string, AwardEntry> Awards { get; set; } = [];

    [Id(2)] public long NextSequence { get; set; }

    /// <summary>Awards the domains' totals are still owed, delivered in order and applied once by sequence.</summary>
    [Id(3)] public List<ReputationTransfer> Outbox { get; set; } = [];

    /// <summary>Audit acts (operator awards) saved with their award and not yet in the audit log, oldest first.</summary>
    [Id(4)] public List<AuditAct> AuditOutbox { get; set; } = [];
}
