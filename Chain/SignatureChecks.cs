namespace Blocktrack.Chain;

/// <summary>Validation shared by every <see cref="ISignatureRecovery"/>, so all implementations refuse exactly the same inputs.</summary>
internal static class SignatureChecks
{
    public const int SignatureLength = 65;

    public static void RequireHash(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != 32)
            throw new ArgumentException($"Hash must be 32 bytes, got {hash32.Length}.", nameof(hash32));
    }

    /// <summary>Checks length, r, s (low-s per EIP-2) and v; returns the recovery id 0 or 1.</summary>
    public static int Validate(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength)
            throw new SignatureException(SignatureError.InvalidLength,
                $"Signature must be {SignatureLength} bytes (r||s||v), got {signature.Length}.");
        var r = signature[..32];
        var s = signature[32..64];
        if (IsZero(r) || r.SequenceCompareTo(Secp256k1Curve.NBytes) >= 0)
            throw new SignatureException(SignatureError.InvalidR, "Signature r is zero or not below the curve order.");
        if (IsZero(s) || s.SequenceCompareTo(Secp256k1Curve.NBytes) >= 0)
            throw new SignatureException(SignatureError.InvalidS, "Signature s is zero or not below the curve order.");
        if (s.SequenceCompareTo(Secp256k1Curve.HalfNBytes) > 0)
            throw new SignatureException(SignatureError.HighS,
                "Signature s is in the upper half of the curve order (EIP-2 forbids malleable high-s signatures).");
        return signature[64] switch
        {
            27 or 0 => 0,
            28 or 1 => 1,
            var v => throw new SignatureException(SignatureError.InvalidV, $"Signature v must be 27, 28, 0 or 1, got {v}."),
        };
    }

    private static bool IsZero(ReadOnlySpan<byte> value) => !value.ContainsAnyExcept((byte)0);
}
