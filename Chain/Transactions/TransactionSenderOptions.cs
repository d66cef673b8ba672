using System.Numerics;

namespace Blocktrack.Chain.Transactions;

/// <summary>How <see cref="TransactionSender"/> prices, sizes and waits for transactions.</summary>
public sealed record TransactionSenderOptions
{
    /// <summary>Added to eth_estimateGas, because state can change between estimate and inclusion.</summary>
    public int GasMarginPercent { get; init; } = 20;

    /// <summary>Blocks of eth_feeHistory looked at for the priority fee.</summary>
    public int FeeHistoryBlocks { get; init; } = 5;

    /// <summary>Percentile of recent priority fees to pay.</summary>
    public double RewardPercentile { get; init; } = 50;

    /// <summary>Priority fee when recent blocks were empty and so say nothing about the market.</summary>
    public BigInteger DefaultPriorityFeePerGas { get; init; } = 1_000_000_000;

    /// <summary>maxFeePerGas = next base fee × this + priority fee: survives that many full blocks of base-fee growth (12.5 % each).</summary>
    public int BaseFeeMultiplier { get; init; } = 2;

    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
