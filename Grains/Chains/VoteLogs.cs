using System.Numerics;
using Blocktrack.Chain;

namespace Blocktrack.Grains.Chains;

/// <summary>The ERC20Votes events a watcher mirrors, and their decoding.</summary>
public static class VoteLogs
{
    public static readonly string DelegateVotesChanged = Hex.ToHex(Keccak256.Hash("DelegateVotesChanged(address,uint256,uint256)"));
    public static readonly string DelegateChanged = Hex.ToHex(Keccak256.Hash("DelegateChanged(address,address,address)"));

    public static readonly IReadOnlyList<string> Topics = [DelegateVotesChanged, DelegateChanged];

    /// <summary>DelegateVotesChanged(address indexed delegate, uint256 previousVotes, uint256 newVotes).</summary>
    public static (string Delegate, BigInteger Previous, BigInteger Current) DecodeVotesChanged(ChainLog log)
    {
        var data = Hex.Parse(log.Data);
        if (log.Topics.Count != 2 || data.Length != 64) throw new FormatException($"not a DelegateVotesChanged log: {log}");
        return (TopicAddress(log.Topics[1]), Word(data, 0), Word(data, 1));
    }

    /// <summary>DelegateChanged(address indexed delegator, address indexed fromDelegate, address indexed toDelegate).</summary>
    public static (string Delegator, string To) DecodeDelegateChanged(ChainLog log)
    {
        if (log.Topics.Count != 4) throw new FormatException($"not a DelegateChanged log: {log}");
        return (TopicAddress(log.Topics[1]), TopicAddress(log.Topics[3]));
    }

    private static string TopicAddress(string topic) => "0x" + topic[^40..].ToLowerInvariant();

    private static BigInteger Word(byte[] data, int index) =>
        new(data.AsSpan(index * 32, 32), isUnsigned: true, isBigEndian: true);
}
