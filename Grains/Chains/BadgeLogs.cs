using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;

namespace Blocktrack.Grains.Chains;

/// <summary>The BlocktrackBadges events a watcher mirrors, and their decoding.</summary>
public static class BadgeLogs
{
    public static readonly AbiEvent Transfer =
        AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)");
    public static readonly AbiEvent BadgeMinted =
        AbiEvent.Parse("event BadgeMinted(address indexed to, uint256 indexed tokenId, string dao, string badge)");

    public static readonly IReadOnlyList<string> Topics = [Transfer.Topic0Hex, BadgeMinted.Topic0Hex];

    public const string Zero = "0x0000000000000000000000000000000000000000";

    public static bool IsTransfer(ChainLog log) => Is(log, Transfer);

    public static bool IsBadgeMinted(ChainLog log) => Is(log, BadgeMinted);

    /// <summary>ERC-721 Transfer(from, to, tokenId), all three indexed; addresses lower-case.</summary>
    public static (string From, string To, BigInteger TokenId) DecodeTransfer(ChainLog log)
    {
        var e = Transfer.Decode(log.Topics, Hex.Parse(log.Data));
        return (Lower(e.Get<string>("from")), Lower(e.Get<string>("to")), e.Get<BigInteger>("tokenId"));
    }

    /// <summary>BadgeMinted(to, tokenId, dao, badge): the strings the token id was made of.</summary>
    public static (string To, BigInteger TokenId, string Dao, string Badge) DecodeBadgeMinted(ChainLog log)
    {
        var e = BadgeMinted.Decode(log.Topics, Hex.Parse(log.Data));
        return (Lower(e.Get<string>("to")), e.Get<BigInteger>("tokenId"), e.Get<string>("dao"), e.Get<string>("badge"));
    }

    private static bool Is(ChainLog log, AbiEvent abi) =>
        log.Topics.Count > 0 && string.Equals(log.Topics[0], abi.Topic0Hex, StringComparison.OrdinalIgnoreCase);

    private static string Lower(string address) => address.ToLowerInvariant();
}
