using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Rpc;

namespace Blocktrack.Chain.Transactions;

/// <summary>A mined transaction; when it failed, <see cref="Revert"/> and <see cref="FailureMessage"/> say why (found by replaying it with eth_call).</summary>
public sealed record TransactionResult(TransactionReceipt Receipt, RevertReason? Revert, string? FailureMessage)
{
    public string Hash => Receipt.TransactionHash;

    public bool Succeeded => Receipt.Succeeded;

    /// <summary>Returns this result, or throws <see cref="TransactionRevertedException"/> when the transaction failed.</summary>
    public TransactionResult EnsureSuccess() => Succeeded ? this : throw new TransactionRevertedException(this);
}
