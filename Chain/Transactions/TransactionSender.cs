using System.Numerics;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.TransactionReceipts;
using Nethereum.Web3.Accounts;

namespace Blocktrack.Chain.Transactions;

/// <summary>How a transaction ended: mined and succeeded, or why not (Error); no Hash nor Receipt when nothing was sent.</summary>
public sealed record TransactionOutcome(string? Hash, bool Succeeded, string? Error, TransactionReceipt? Receipt = null);

/// <summary>
/// Sends EIP-1559 transactions from one account through Nethereum (its fee suggestion, signing and receipt polling),
/// one at a time, with our gas margin and the revert reason of a failed one. The key lives in Nethereum's account and
/// is never logged.
/// </summary>
public sealed class TransactionSender
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _gasMarginPercent;

    public TransactionSender(IClient rpc, byte[] privateKey, long chainId, int gasMarginPercent = 20, TimeSpan? receiptPollInterval = null)
    {
        Web3 = new Nethereum.Web3.Web3(new Account(privateKey, chainId), rpc);
        Web3.TransactionManager.UseLegacyAsDefault = false;
        Web3.TransactionManager.TransactionReceiptService = new TransactionReceiptPollingService(
            Web3.TransactionManager, (int)(receiptPollInterval ?? TimeSpan.FromMilliseconds(100)).TotalMilliseconds);
        From = EthAddress.ToLower(EthAddress.Parse(Web3.TransactionManager.Account.Address));
        _gasMarginPercent = gasMarginPercent;
    }

    public Nethereum.Web3.Web3 Web3 { get; }

    /// <summary>The account's lower-case address.</summary>
    public string From { get; }

    /// <summary>Sends (to null: deploys) and waits for the receipt; a call that reverts when its gas is estimated is not sent.</summary>
    public async Task<TransactionOutcome> SendAsync(string? to, byte[] data, BigInteger? gasLimit = null, BigInteger value = default,
        CancellationToken cancellationToken = default)
    {
        var input = new TransactionInput { Data = Hex.ToHex(data), To = to, From = From, Value = new HexBigInteger(value) };
        await _gate.WaitAsync(cancellationToken);
        try
        {
            try
            {
                var estimate = gasLimit ?? (await Web3.TransactionManager.EstimateGasAsync(input)).Value * (100 + _gasMarginPercent) / 100;
                input.Gas = new HexBigInteger(estimate);
            }
            catch (Exception e) when (IsRevert(e))
            {
                return new TransactionOutcome(null, false, Reason(e));
            }
            // Nethereum caches nonces per account and the cache goes stale after a reorg or evm_revert: ask the node each time.
            input.Nonce = await Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(From, BlockParameter.CreatePending());
            var raw = await Web3.TransactionManager.SignTransactionAsync(input);
            var hash = Hex.ToHex(Keccak256.Hash(Hex.Parse(raw.StartsWith("0x", StringComparison.Ordinal) ? raw : "0x" + raw)));
            try
            {
                await Web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(raw);
            }
            catch (Exception e) when (IsRevert(e))
            {
                // Hardhat reports a mined revert as an error, and a retried send may find its first attempt got through:
                // either way the transaction exists and its receipt tells the rest.
                if (await Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash) is null)
                    return new TransactionOutcome(null, false, Reason(e));
            }
            var receipt = await Web3.TransactionManager.TransactionReceiptService.PollForReceiptAsync(hash, cancellationToken);
            return receipt.Succeeded()
                ? new TransactionOutcome(hash, true, null, receipt)
                : new TransactionOutcome(hash, false, await ExplainAsync(hash), receipt);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Nethereum replays the failed transaction and throws its revert reason rather than return it.
    private async Task<string> ExplainAsync(string hash)
    {
        try
        {
            var reason = await Web3.Eth.GetContractTransactionErrorReason.SendRequestAsync(hash);
            return string.IsNullOrEmpty(reason) ? "reverted" : reason;
        }
        catch (Exception e) when (IsRevert(e))
        {
            return Reason(e);
        }
    }

    private static bool IsRevert(Exception e) =>
        e is RpcResponseException or SmartContractRevertException or SmartContractCustomErrorRevertException;

    private static string Reason(Exception e) =>
        e is SmartContractRevertException { RevertMessage: { Length: > 0 } reason } ? reason : e.Message;
}
