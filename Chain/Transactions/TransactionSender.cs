using System.Collections.Concurrent;
using System.Numerics;
using Blocktrack.Chain.Rpc;

namespace Blocktrack.Chain.Transactions;

/// <summary>Fills in nonce, fees and gas, signs with the caller's key, sends, and waits for the receipt.
/// Keys are used for signing only: never stored, logged or put in exception messages.</summary>
public sealed class TransactionSender(IEthClient eth, TransactionSenderOptions? options = null)
{
    private readonly TransactionSenderOptions _options = options ?? new TransactionSenderOptions();
    // Nonce lookup and submission of one account must not interleave, or two sends would take the same nonce.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _accountLocks = new(StringComparer.Ordinal);
    private long _chainId;

    public IEthClient Eth { get; } = eth ?? throw new ArgumentNullException(nameof(eth));

    /// <summary>Sends and waits until mined. A transaction that would revert usually fails earlier, in gas estimation,
    /// with a <see cref="JsonRpcException"/> carrying the reason; give <see cref="TransactionRequest.GasLimit"/> to send it anyway.</summary>
    public async Task<TransactionResult> SendAsync(TransactionRequest request, byte[] privateKey, CancellationToken cancellationToken = default)
    {
        var pending = await SubmitAsync(request, privateKey, cancellationToken).ConfigureAwait(false);
        return await WaitAsync(pending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs and sends without waiting for the receipt.</summary>
    public async Task<PendingTransaction> SubmitAsync(TransactionRequest request, byte[] privateKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = Secp256k1Signer.AddressOf(privateKey);
        var chainId = await ChainIdAsync(cancellationToken).ConfigureAwait(false);
        var call = new CallRequest(request.To, request.Data, from, request.Value);
        var gasLimit = request.GasLimit ?? await EstimateGasAsync(call, cancellationToken).ConfigureAwait(false);
        var fees = await FeesAsync(request, cancellationToken).ConfigureAwait(false);

        var accountLock = _accountLocks.GetOrAdd(from, _ => new SemaphoreSlim(1, 1));
        await accountLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var nonce = request.Nonce ?? await Eth.GetTransactionCountAsync(from, BlockTag.Pending, cancellationToken).ConfigureAwait(false);
            var signed = fees.GasPrice is { } gasPrice
                ? new LegacyTransaction(nonce, gasPrice, gasLimit, request.To, request.Value, request.Data, chainId).Sign(privateKey)
                : new Eip1559Transaction(chainId, nonce, fees.MaxPriorityFeePerGas, fees.MaxFeePerGas, gasLimit, request.To, request.Value, request.Data).Sign(privateKey);
            await SendRawAsync(signed, cancellationToken).ConfigureAwait(false);
            return new PendingTransaction(signed.HashHex, from, nonce, call with { Gas = gasLimit });
        }
        finally
        {
            accountLock.Release();
        }
    }

    /// <summary>Polls for the receipt; on status 0 replays the call at the parent block to recover the revert reason.</summary>
    public async Task<TransactionResult> WaitAsync(PendingTransaction pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var clock = _options.TimeProvider;
        var deadline = clock.GetUtcNow() + _options.ReceiptTimeout;
        while (true)
        {
            var receipt = await Eth.GetTransactionReceiptAsync(pending.Hash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
                return receipt.Succeeded ? new TransactionResult(receipt, null, null) : await ExplainFailureAsync(pending, receipt, cancellationToken).ConfigureAwait(false);
            if (clock.GetUtcNow() >= deadline)
                throw new TimeoutException($"Transaction {pending.Hash} was not mined within {_options.ReceiptTimeout}.");
            await Task.Delay(_options.ReceiptPollInterval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TransactionResult> ExplainFailureAsync(PendingTransaction pending, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            await Eth.CallAsync(pending.Call, BlockTag.Number(Math.Max(0, receipt.BlockNumber - 1)), cancellationToken).ConfigureAwait(false);
            return new TransactionResult(receipt, null, "the transaction failed but its replay did not revert (out of gas, or state changed within the block)");
        }
        catch (JsonRpcException e)
        {
            return new TransactionResult(receipt, e.Revert, e.RpcMessage);
        }
    }

    private async Task SendRawAsync(SignedTransaction signed, CancellationToken cancellationToken)
    {
        try
        {
            await Eth.SendRawTransactionAsync(signed.Raw, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException e)
        {
            // A retried send whose first attempt got through, or a node that reports a mined revert as an error
            // (Hardhat's throwOnTransactionFailures): either way the transaction exists and its receipt tells the rest.
            if (!await IsAlreadySentAsync(e, signed, cancellationToken).ConfigureAwait(false))
                throw;
        }
    }

    private async Task<bool> IsAlreadySentAsync(JsonRpcException e, SignedTransaction signed, CancellationToken cancellationToken)
    {
        var message = e.RpcMessage;
        if (message.Contains("already known", StringComparison.OrdinalIgnoreCase) || message.Contains("known transaction", StringComparison.OrdinalIgnoreCase))
            return true;
        if (e.IsRevert || message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase))
            return await Eth.GetTransactionReceiptAsync(signed.HashHex, cancellationToken).ConfigureAwait(false) is not null;
        return false;
    }

    private async Task<BigInteger> EstimateGasAsync(CallRequest call, CancellationToken cancellationToken)
    {
        var estimate = await Eth.EstimateGasAsync(call, cancellationToken).ConfigureAwait(false);
        return estimate * (100 + _options.GasMarginPercent) / 100;
    }

    private async Task<TransactionFees> FeesAsync(TransactionRequest request, CancellationToken cancellationToken)
    {
        if (request.GasPrice is { } gasPrice)
            return TransactionFees.Legacy(gasPrice);
        if (request.MaxFeePerGas is { } maxFee)
            return new TransactionFees(maxFee, BigInteger.Min(maxFee, request.MaxPriorityFeePerGas ?? _options.DefaultPriorityFeePerGas), null);
        FeeHistory? history = null;
        try
        {
            history = await Eth.FeeHistoryAsync(_options.FeeHistoryBlocks, BlockTag.Latest, [_options.RewardPercentile], cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException)
        {
            // Nodes without eth_feeHistory predate EIP-1559 or do not implement it; eth_gasPrice still works.
        }
        if (history?.NextBaseFee is not { } baseFee)
            return TransactionFees.Legacy(await Eth.GasPriceAsync(cancellationToken).ConfigureAwait(false));
        var tip = request.MaxPriorityFeePerGas ?? PriorityFee(history);
        return new TransactionFees(baseFee * _options.BaseFeeMultiplier + tip, tip, null);
    }

    private BigInteger PriorityFee(FeeHistory history)
    {
        // Empty blocks report a reward of 0, which says nothing about what inclusion costs.
        var paid = history.Rewards
            .Where((reward, i) => reward.Count > 0 && i < history.GasUsedRatio.Count && history.GasUsedRatio[i] > 0)
            .Select(reward => reward[0])
            .Order()
            .ToArray();
        return paid.Length == 0 ? _options.DefaultPriorityFeePerGas : paid[paid.Length / 2];
    }

    private async Task<long> ChainIdAsync(CancellationToken cancellationToken)
    {
        var known = Interlocked.Read(ref _chainId);
        if (known != 0)
            return known;
        var chainId = await Eth.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _chainId, chainId);
        return chainId;
    }
}
