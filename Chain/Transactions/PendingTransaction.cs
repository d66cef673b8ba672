using Blocktrack.Chain.Rpc;

namespace Blocktrack.Chain.Transactions;

/// <summary>A transaction the node accepted but that may not be mined yet; <see cref="Call"/> replays it to find a revert reason.</summary>
public sealed record PendingTransaction(string Hash, string From, System.Numerics.BigInteger Nonce, CallRequest Call);
