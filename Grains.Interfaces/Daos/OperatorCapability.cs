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

    /// <summary>
    /// <c>POST /daos</c>: founding root DAOs, the one power no DAO sits above. Retired by a root DAO it is retired for the
    /// whole cluster (new DAOs then come only from executed <c>createSubDao</c> proposals); a sub-DAO cannot found roots,
    /// so for it the flag has no effect.
    /// </summary>
    FoundRootDaos = 8,

    /// <summary>
    /// Changing the configuration of the chains the DAO's power and treasury are mirrored from (contract addresses,
    /// confirmations, executor contracts): once retired, each such chain is pinned to its configuration at that moment,
    /// and its watcher refuses to mirror under any other.
    /// </summary>
    ConfigureChains = 16,

    All = RecordDeposits | AwardReputation | FeedBalances | FoundRootDaos | ConfigureChains,
}
