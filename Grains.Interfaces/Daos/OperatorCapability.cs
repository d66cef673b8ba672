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

    /// <summary>
    /// <c>POST /voters/{address}/balances</c> for the tokens the DAO's classes count: their balances then come only from
    /// their chains (or no more at all, for an off-chain token).
    /// </summary>
    FeedBalances = 4,

    All = RecordDeposits | AwardReputation | FeedBalances,
}
