using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace Blocktrack.Chain;

/// <summary>Deterministic (RFC 6979) low-s secp256k1 signing producing Ethereum's 65-byte r‖s‖v signatures.</summary>
public static class Secp256k1Signer
{
    /// <summary>Signs a 32-byte hash; v is 27 or 28. Byte-identical to ethers.js for the same key and hash.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> privateKey32)
    {
        SignatureChecks.RequireHash(hash32);
        var d = ToScalar(privateKey32);
        var n = Secp256k1Curve.N;
        var e = Secp256k1Curve.ToBigInteger(hash32);
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(n, d, hash32.ToArray());
        var multiplier = new FixedPointCombMultiplier();

        // ECDSA done by hand rather than through ECDsaSigner because the recovery id needs R's y parity.
        while (true)
        {
            var k = kCalculator.NextK();
            var point = multiplier.Multiply(Secp256k1Curve.G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            // x ≥ n would need recovery id 2/3, which v = 27/28 cannot express; odds are ~2⁻¹²⁸, so take the next k.
            if (x.CompareTo(n) >= 0)
                continue;
            var r = x;
            if (r.SignValue == 0)
                continue;
            var s = k.ModInverse(n).Multiply(e.Add(d.Multiply(r))).Mod(n);
            if (s.SignValue == 0)
                continue;
            var recoveryId = point.AffineYCoord.TestBitZero() ? 1 : 0;
            if (s.CompareTo(Secp256k1Curve.HalfN) > 0)
            {
                // Negating s mirrors R, so the y parity flips with it.
                s = n.Subtract(s);
                recoveryId ^= 1;
            }
            var signature = new byte[65];
            Secp256k1Curve.WriteScalar(r, signature.AsSpan(0, 32));
            Secp256k1Curve.WriteScalar(s, signature.AsSpan(32, 32));
            signature[64] = (byte)(27 + recoveryId);
            return signature;
        }
    }

    /// <summary>
    /// Uncompressed public key as 64 bytes X‖Y (no 0x04 prefix), the input <see cref="EthAddress.FromPublicKey"/> expects.
    /// </summary>
    public static byte[] PublicKey(ReadOnlySpan<byte> privateKey32)
    {
        var d = ToScalar(privateKey32);
        var point = new FixedPointCombMultiplier().Multiply(Secp256k1Curve.G, d).Normalize();
        return point.GetEncoded(false)[1..];
    }

    /// <summary>Lower-case 0x address controlled by the private key.</summary>
    public static string AddressOf(ReadOnlySpan<byte> privateKey32) =>
        EthAddress.ToLower(EthAddress.FromPublicKey(PublicKey(privateKey32)));

    /// <summary>A fresh private key from the OS CSPRNG, uniformly in [1, n−1].</summary>
    public static byte[] NewPrivateKey()
    {
        var key = new byte[32];
        do
        {
            RandomNumberGenerator.Fill(key);
        }
        while (!IsValidPrivateKey(key));
        return key;
    }

    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey32) =>
        privateKey32.Length == 32
        && privateKey32.ContainsAnyExcept((byte)0)
        && privateKey32.SequenceCompareTo(Secp256k1Curve.NBytes) < 0;

    private static BigInteger ToScalar(ReadOnlySpan<byte> privateKey32)
    {
        if (!IsValidPrivateKey(privateKey32))
            throw new ArgumentException("Private key must be 32 bytes encoding an integer in [1, n-1].", nameof(privateKey32));
        return Secp256k1Curve.ToBigInteger(privateKey32);
    }
}
