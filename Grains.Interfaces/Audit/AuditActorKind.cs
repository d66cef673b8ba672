namespace Blocktrack.Grains.Interfaces;

/// <summary>Who performed a privileged act. Persisted as numbers: add members at the end, never renumber.</summary>
public enum AuditActorKind
{
    /// <summary>An operator key, by its configured name (never the key itself).</summary>
    OperatorKey = 0,

    /// <summary>The address recovered from an EIP-712 signature (a coordinator, guardian, moderator, committee member...).</summary>
    Signer = 1,

    /// <summary>An executed proposal of the DAO, by its id.</summary>
    Proposal = 2,

    /// <summary>A chain watcher, by its chain id.</summary>
    ChainWatcher = 3,
}
