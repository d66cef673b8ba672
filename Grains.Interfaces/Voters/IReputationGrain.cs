using System.Numerics;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One address's reputation ledger, keyed lower-case 0x: non-transferable reputation per domain (a DAO path), raised by
/// awards in the domain or any DAO below it, decaying continuously with the cluster's half-life, kept as checkpoints so
/// it reads at any past timepoint like voting power.
/// </summary>
[Alias("bt.IReputationGrain")]
public interface IReputationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Awards <paramref name="amount"/> in <paramref name="domain"/> (and so in every DAO above it) at <paramref name="at"/>
    /// (unix seconds; null = now). Idempotent by cause: a cause this address was already awarded for changes nothing
    /// and answers the award first recorded for it, with <see cref="ReputationAward.Applied"/> false.
    /// </summary>
    [Alias("Award")] Task<ReputationAward> Award(string domain, string cause, BigInteger amount, long? at);

    /// <summary>
    /// The operator's award (the feed behind <c>POST /reputation/awards</c>): as <see cref="Award"/>, but refused with
    /// operator-retired where the domain, or a DAO above it, has retired <see cref="OperatorCapability.AwardReputation"/>.
    /// </summary>
    [Alias("AwardByOperator")] Task<ReputationAward> AwardByOperator(string domain, string cause, BigInteger amount, long? at);

    /// <summary>The address's reputation in <paramref name="domain"/> at <paramref name="timepoint"/>, decayed to it.</summary>
    [AlwaysInterleave, Alias("GetReputation")] Task<BigInteger> GetReputation(string domain, long timepoint);
}
