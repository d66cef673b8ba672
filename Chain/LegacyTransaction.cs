using System.Numerics;

namespace Blocktrack.Chain;

/// <summary>A pre-EIP-2718 transaction with EIP-155 replay protection; <paramref name="To"/> null deploys a contract.</summary>
public sealed record LegacyTransaction(
    BigInteger Nonce, BigInteger GasPrice, BigInteger GasLimit, string? To, BigInteger Value, byte[] Data, BigInteger ChainId)
{
    /// <summary>keccak256(rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0])) per EIP-155.</summary>
    public byte[] SigningHash() =>
        Keccak256.Hash(Rlp.EncodeList([.. Fields(), Rlp.EncodeUInt(ChainId), Rlp.EncodeUInt(0), Rlp.EncodeUInt(0)]));

    /// <summary>Signs with v = chainId·2 + 35 + recovery id.</summary>
    public SignedTransaction Sign(ReadOnlySpan<byte> privateKey32)
    {
        if (ChainId.Sign <= 0)
            throw new InvalidOperationException("EIP-155 signing needs a positive chain id.");
        var signature = Secp256k1Signer.Sign(SigningHash(), privateKey32);
        var v = ChainId * 2 + 35 + (signature[64] - 27);
        var raw = Rlp.EncodeList(
        [
            .. Fields(),
            Rlp.EncodeUInt(v),
            Rlp.EncodeUInt(new BigInteger(signature.AsSpan(0, 32), isUnsigned: true, isBigEndian: true)),
            Rlp.EncodeUInt(new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true)),
        ]);
        return new SignedTransaction(raw, Keccak256.Hash(raw));
    }

    private byte[][] Fields() =>
    [
        Rlp.EncodeUInt(Nonce),
        Rlp.EncodeUInt(GasPrice),
        Rlp.EncodeUInt(GasLimit),
        Rlp.EncodeBytes(To is null ? [] : EthAddress.Parse(To)),
        Rlp.EncodeUInt(Value),
        Rlp.EncodeBytes(Data ?? []),
    ];
}
