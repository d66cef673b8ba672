using System.Numerics;
using Nethereum.Model;
using Nethereum.Signer;

namespace Blocktrack.Chain.Tests.Support;

/// <summary>Transactions built and signed by Nethereum's offline signers, in the shape the ethers scripts take.</summary>
internal static class NethereumTransactions
{
    public sealed record Signed(string UnsignedHash, string Raw, string Hash);

    public static Signed Eip1559(
        byte[] key, long chainId, BigInteger nonce, BigInteger maxPriorityFee, BigInteger maxFee, BigInteger gasLimit, string? to,
        BigInteger value, byte[] data)
    {
        var tx = new Transaction1559(chainId, nonce, maxPriorityFee, maxFee, gasLimit, to, value, Hex.ToHex(data), null);
        var unsigned = Hex.ToHex(Keccak256.Hash(tx.GetRLPEncodedRaw()));
        var raw = Hex.Parse(Prefixed(new Transaction1559Signer().SignTransaction(key, tx)));
        return new Signed(unsigned, Hex.ToHex(raw), Hex.ToHex(Keccak256.Hash(raw)));
    }

    public static Signed Legacy(
        byte[] key, long chainId, BigInteger nonce, BigInteger gasPrice, BigInteger gasLimit, string? to, BigInteger value, byte[] data)
    {
        var tx = new LegacyTransactionChainId(to ?? "", value, nonce, gasPrice, gasLimit, Hex.ToHex(data), chainId);
        var unsigned = Hex.ToHex(tx.RawHash);
        var raw = Hex.Parse(Prefixed(new LegacyTransactionSigner().SignTransaction(key, tx)));
        return new Signed(unsigned, Hex.ToHex(raw), Hex.ToHex(Keccak256.Hash(raw)));
    }

    private static string Prefixed(string hex) => hex.StartsWith("0x", StringComparison.Ordinal) ? hex : "0x" + hex;
}
