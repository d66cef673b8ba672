using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Blocktrack.Chain;

/// <summary>secp256k1 parameters shared by signing and recovery.</summary>
internal static class Secp256k1Curve
{
    // The custom curve carries the GLV endomorphism, which roughly halves multiplication cost versus the generic one.
    public static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    public static readonly ECDomainParameters Domain = new(Parameters);
    public static readonly ECCurve Curve = Parameters.Curve;
    public static readonly ECPoint G = Parameters.G;
    public static readonly BigInteger N = Parameters.N;
    public static readonly BigInteger HalfN = N.ShiftRight(1);

    // Big-endian forms let the hot path range-check r and s with span comparisons instead of BigInteger allocations.
    public static readonly byte[] NBytes = N.ToByteArrayUnsigned();
    public static readonly byte[] HalfNBytes = HalfN.ToByteArrayUnsigned();

    public static BigInteger ToBigInteger(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian);

    public static void WriteScalar(BigInteger value, Span<byte> destination32)
    {
        var bytes = value.ToByteArrayUnsigned();
        destination32[..(32 - bytes.Length)].Clear();
        bytes.CopyTo(destination32[(32 - bytes.Length)..]);
    }
}
