using System.Numerics;
using Blocktrack.Chain;

namespace Blocktrack.Grains.Chains;

/// <summary>The ERC-20 <c>Transfer</c> event that moves an on-chain treasury, and its decoding.</summary>
public static class TreasuryLogs
{
    public static readonly string Transfer = Hex.ToHex(Keccak256.Hash("Transfer(address,address,uint256)"));

    /// <summary>An address as an indexed topic (32 bytes, left-padded).</summary>
    public static string Topic(string address) => "0x" + new string('0', 24) + address[2..].ToLowerInvariant();

    /// <summary>Whether the log is an ERC-20 transfer (ERC-721's has a fourth, indexed token id).</summary>
    public static bool IsErc20Transfer(ChainLog log) => log.Topics.Count == 3 && log.Topics[0] == Transfer;

    /// <summary>Transfer(address indexed from, address indexed to, uint256 value).</summary>
    public static (string From, string To, BigInteger Amount) Decode(ChainLog log)
    {
        var data = Hex.Parse(log.Data);
        if (!IsErc20Transfer(log) || data.Length != 32) throw new FormatException($"not an ERC-20 Transfer log: {log}");
        return ("0x" + log.Topics[1][^40..], "0x" + log.Topics[2][^40..], new BigInteger(data, isUnsigned: true, isBigEndian: true));
    }
}
