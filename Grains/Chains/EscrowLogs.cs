using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Chains;

/// <summary>The VotingEscrow event a watcher mirrors, and its decoding.</summary>
public static class EscrowLogs
{
    public static readonly string LockChanged = Hex.ToHex(Keccak256.Hash("LockChanged(address,uint256,uint256,uint256)"));

    public static readonly IReadOnlyList<string> Topics = [LockChanged];

    /// <summary>
    /// LockChanged(address indexed owner, uint256 amount, uint256 unlockTime, uint256 timestamp): the owner's whole lock
    /// after the change, so applying it twice is harmless.
    /// </summary>
    public static (string Owner, EscrowLock Lock, long Timestamp) DecodeLockChanged(ChainLog log)
    {
        var data = Hex.Parse(log.Data);
        if (log.Topics.Count != 2 || data.Length != 96 || !string.Equals(log.Topics[0], LockChanged, StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"not a LockChanged log: {log}");
        var owner = "0x" + log.Topics[1][^40..].ToLowerInvariant();
        return (owner, new EscrowLock(Word(data, 0), Seconds(Word(data, 1))), Seconds(Word(data, 2)));
    }

    private static long Seconds(BigInteger value) =>
        value <= long.MaxValue ? (long)value : throw new FormatException($"timestamp {value} does not fit unix seconds");

    private static BigInteger Word(byte[] data, int index) =>
        new(data.AsSpan(index * 32, 32), isUnsigned: true, isBigEndian: true);
}
