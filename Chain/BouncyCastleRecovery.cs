using Org.BouncyCastle.Math.EC;

namespace Blocktrack.Chain;

/// <summary>Managed secp256k1 public-key recovery (SEC 1 §4.1.6) on BouncyCastle's GLV-accelerated curve.</summary>
public sealed class BouncyCastleRecovery : ISignatureRecovery
{
    public static readonly BouncyCastleRecovery Instance = new();

    public string Name => "BouncyCastle";

    public byte[] RecoverAddress(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature65)
    {
        SignatureChecks.RequireHash(hash32);
        var recoveryId = SignatureChecks.Validate(signature65);
        var publicKey = RecoverPublicKey(hash32, signature65, recoveryId);
        return EthAddress.FromPublicKey(publicKey);
    }

    /// <summary>Returns the 65-byte uncompressed public key (0x04‖X‖Y).</summary>
    internal static byte[] RecoverPublicKey(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature65, int recoveryId)
    {
        var n = Secp256k1Curve.N;
        var r = Secp256k1Curve.ToBigInteger(signature65[..32]);
        var s = Secp256k1Curve.ToBigInteger(signature65[32..64]);
        var e = Secp256k1Curve.ToBigInteger(hash32);

        // r < n < p, so r is always a valid x; the recovery id only picks the y parity (ids 2/3 cannot occur with v in 27/28).
        Span<byte> compressed = stackalloc byte[33];
        compressed[0] = (byte)(0x02 | recoveryId);
        signature65[..32].CopyTo(compressed[1..]);
        ECPoint point;
        try
        {
            point = Secp256k1Curve.Curve.DecodePoint(compressed.ToArray());
        }
        catch (ArgumentException)
        {
            throw new SignatureException(SignatureError.Unrecoverable, "Signature r is not the x coordinate of a curve point.");
        }

        // Q = r⁻¹(sR − eG), computed as one double-scalar multiplication.
        var rInverse = r.ModInverse(n);
        var u1 = n.Subtract(e.Mod(n)).Multiply(rInverse).Mod(n);
        var u2 = s.Multiply(rInverse).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Secp256k1Curve.G, u1, point, u2).Normalize();
        if (q.IsInfinity)
            throw new SignatureException(SignatureError.Unrecoverable, "Signature recovers the point at infinity.");
        return q.GetEncoded(false);
    }
}
