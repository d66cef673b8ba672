using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of one address in one DAO's personhood registry.</summary>
[GenerateSerializer, Alias("bt.PersonhoodState")]
public sealed class PersonhoodState
{
    /// <summary>Every attestation and revocation, oldest first; the last one at or before a timepoint is in force.</summary>
    [Id(0)] public List<PersonhoodChange> History { get; set; } = [];

    /// <summary>Audit acts saved with their change and not yet in the audit log, oldest first.</summary>
    [Id(1)] public List<AuditAct> AuditOutbox { get; set; } = [];
}
