using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Chains;

/// <summary>An ERC-20 <c>transfer(to, amount)</c> from the timelock, as an on-chain call of a batch.</summary>
public static class Erc20Transfer
{
    private static readonly AbiFunction Transfer = AbiFunction.Parse("transfer(address,uint256)");

    public static OnChainCall Call(long chain, string token, string to, BigInteger amount) =>
        new(chain, token, BigInteger.Zero, Hex.ToHex(Transfer.EncodeCall(to, amount)));
}
