using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>One address, keyed lower-case 0x: token balance and delegation checkpoints, ERC20Votes style.</summary>
[Alias("bt.IVoterGrain")]
public interface IVoterGrain : IGrainWithStringKey
{
    /// <summary>Feeds the address's token balance as of a timepoint (unix seconds); timepoints only move forward.</summary>
    [Alias("RecordBalance")] Task<VoterInfo> RecordBalance(string token, long timepoint, BigInteger balance);

    /// <summary>Delegates this address's balance to <paramref name="delegatee"/> from now on (itself allowed; null undelegates).</summary>
    [Alias("Delegate")] Task<VoterInfo> Delegate(string token, string? delegatee);

    /// <summary>Votes delegated to this address at a past timepoint.</summary>
    [Alias("GetVotes")] Task<BigInteger> GetVotes(string token, long timepoint);

    /// <summary>The address's own balance at a past timepoint and to whom it was delegated then.</summary>
    [Alias("GetDelegationAt")] Task<DelegationAt> GetDelegationAt(string token, long timepoint);

    /// <summary>The address's current position in a token.</summary>
    [Alias("GetInfo")] Task<VoterInfo> GetInfo(string token);

    /// <summary>Moves delegated votes into or out of this address; idempotent per (source, sequence) until the source forgets.</summary>
    [Alias("AdjustVotes")] Task AdjustVotes(string token, string source, long sequence, long timepoint, BigInteger delta);

    /// <summary>
    /// The delegator <paramref name="source"/> has durably dropped its transfers up to <paramref name="sequence"/> and will
    /// not resend them: a delegate forgets the delegator's sequence, so a delegate of many stays small. One-way.
    /// </summary>
    [Orleans.Concurrency.OneWay, Alias("ForgetVotes")] Task ForgetVotes(string token, string source, long sequence);

    /// <summary>
    /// Sets the address's votes in a chain-mirrored token from a DelegateVotesChanged log; idempotent per (block, log
    /// index).
    /// </summary>
    [Alias("ApplyChainVotes")] Task ApplyChainVotes(string token, long block, int logIndex, long timestamp, BigInteger votes);

    /// <summary>Several DelegateVotesChanged values of this address in log order, saved once; each applies at most once.</summary>
    [Alias("ApplyChainVoteHistory")] Task ApplyChainVoteHistory(string token, ImmutableArray<ChainValue> votes);

    /// <summary>Records the address's delegate in a chain-mirrored token (from DelegateChanged).</summary>
    [Alias("ApplyChainDelegate")] Task ApplyChainDelegate(string token, string? delegatee);

    /// <summary>Forgets chain-mirrored votes from <paramref name="fromBlock"/> on (a reorg replaced those blocks).</summary>
    [Alias("RollbackChain")] Task RollbackChain(string token, long fromBlock);

    /// <summary>Refuses a signed message this address has already used (replay protection); remembers it until it is stale.</summary>
    [Alias("ConsumeSignedMessage")] Task ConsumeSignedMessage(string digest, long timestamp, long staleBefore);
}
