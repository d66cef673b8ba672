using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>How a mirrored treasury entry came about.</summary>
public enum TreasuryMovementKind
{
    /// <summary>The account's balance at the block the mirror started from.</summary>
    Opening = 1,
    In = 2,
    Out = 3,
}

/// <summary>
/// One entry of an on-chain treasury's ledger: an ERC-20 <c>Transfer</c> into or out of the DAO's account (or the opening
/// balance), keyed by (block, log index, kind) so it applies once.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.TreasuryMovement")]
public sealed record TreasuryMovement
{
    [Id(0)] public long Block { get; init; }

    /// <summary>The log's index in its block; -1 for an opening balance.</summary>
    [Id(1)] public int LogIndex { get; init; }
    [Id(2)] public long Timestamp { get; init; }
    [Id(3)] public TreasuryMovementKind Kind { get; init; }
    [Id(4)] public string Asset { get; init; } = "";

    /// <summary>Who sent (in) or received (out) the tokens; empty for an opening balance.</summary>
    [Id(5)] public string Counterparty { get; init; } = "";

    /// <summary>Always positive; <see cref="Kind"/> says which way.</summary>
    [Id(6)] public BigInteger Amount { get; init; }
    [Id(7)] public string TransactionHash { get; init; } = "";

    public BigInteger Delta => Kind == TreasuryMovementKind.Out ? -Amount : Amount;
}
