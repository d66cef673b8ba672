namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// What the operator key may do to a DAO's state, each of which the DAO can retire for itself and everything below it
/// by a constitutional proposal, for good. Persisted: numbers never change.
/// </summary>
[Flags]
public enum OperatorCapability
{
    None = 0,

    /// <summary><c>POST /daos/{path}/deposits</c>: crediting the treasury with off-chain funds.</summary>
    RecordDeposits = 1,

    /// <summary><c>POST /reputation/awards</c> in the DAO's domain: reputation not earned by a recorded fact.</summary>
    AwardReputation = 2,

    All = RecordDeposits | AwardReputation,
}
