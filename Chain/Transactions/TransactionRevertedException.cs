namespace Blocktrack.Chain.Transactions;

/// <summary>A transaction was mined with status 0.</summary>
public sealed class TransactionRevertedException(TransactionResult result)
    : Exception($"Transaction {result.Hash} reverted in block {result.Receipt.BlockNumber}: {result.Revert?.ToString() ?? result.FailureMessage ?? "no reason given"}")
{
    public TransactionResult Result { get; } = result;
}
