using System.Numerics;

namespace Blocktrack.Chain;

/// <summary>An EIP-1559 (type 2) transaction with an empty access list; <paramref name="To"/> null deploys a contract.</summary>
public sealed record Eip1559Transaction(
    BigInteger ChainId,
    BigInteger Nonce,
    BigInteger MaxPriorityFeePerGas,
    BigInteger MaxFeePerGas,
    BigInteger GasLimit,
    string? To,
    BigInteger Value,
    byte[] Data)
{
    public const byte TransactionType = 0x02;

    /// <summary>keccak256(0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList])).</summary>
    public byte[] SigningHash() => Keccak256.Hash([TransactionType, .. Rlp.EncodeList(Fields())]);

    /// <summary>Signs with y-parity (0/1) in place of EIP-155's v; the raw form is 0x02 ‖ rlp([..., yParity, r, s]).</summary>
    public SignedTransaction Sign(ReadOnlySpan<byte> privateKey32)
    {
        if (ChainId.Sign <= 0)
            throw new InvalidOperationException("EIP-1559 signing needs a positive chain id.");
        if (MaxPriorityFeePerGas > MaxFeePerGas)
            throw new InvalidOperationException($"maxPriorityFeePerGas ({MaxPriorityFeePerGas}) exceeds maxFeePerGas ({MaxFeePerGas}); nodes reject that.");
        var signature = Secp256k1Signer.Sign(SigningHash(), privateKey32);
        byte[] raw =
        [
            TransactionType,
            .. Rlp.EncodeList(
            [
                .. Fields(),
                Rlp.EncodeUInt(signature[64] - 27),
                Rlp.EncodeUInt(new BigInteger(signature.AsSpan(0, 32), isUnsigned: true, isBigEndian: true)),
                Rlp.EncodeUInt(new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true)),
            ]),
        ];
        return new SignedTransaction(raw, Keccak256.Hash(raw));
    }

    private byte[][] Fields() =>
    [
        Rlp.EncodeUInt(ChainId),
        Rlp.EncodeUInt(Nonce),
        Rlp.EncodeUInt(MaxPriorityFeePerGas),
        Rlp.EncodeUInt(MaxFeePerGas),
        Rlp.EncodeUInt(GasLimit),
        Rlp.EncodeBytes(To is null ? [] : EthAddress.Parse(To)),
        Rlp.EncodeUInt(Value),
        Rlp.EncodeBytes(Data ?? []),
        // The access list is always empty here: an empty RLP list.
        Rlp.EncodeList(),
    ];
}
