using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Chains;

/// <summary>The cluster's side of the BlocktrackBadges contract: the mint call and the token id it gives.</summary>
public static class BadgeContract
{
    private static readonly AbiFunction Mint = AbiFunction.Parse("mint(address,string,string)");
    private static readonly AbiFunction Encode = AbiFunction.Parse("encode(string,string,address)");

    /// <summary>uint256(keccak256(abi.encode(dao, badge, to))): the id the contract mints under.</summary>
    public static BigInteger TokenId(string dao, string badge, string to) =>
        new(Keccak256.Hash(Encode.EncodeCall(dao, badge, to).AsSpan(4)), isUnsigned: true, isBigEndian: true);

    public static OnChainCall MintCall(long chain, string contract, string dao, string badge, string to) =>
        new(chain, contract, BigInteger.Zero, Hex.ToHex(Mint.EncodeCall(to, dao, badge)));
}
