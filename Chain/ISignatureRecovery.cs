namespace Blocktrack.Chain;

/// <summary>Recovers the signer's address from a 32-byte hash and a 65-byte r‖s‖v secp256k1 signature.</summary>
public interface ISignatureRecovery
{
    /// <summary>Which implementation serves, for logs and diagnostics.</summary>
    string Name { get; }

    /// <summary>
    /// Returns the 20 address bytes. v may be 27/28 or 0/1; high-s signatures (EIP-2) are refused.
    /// Throws <see cref="SignatureException"/> for any invalid or unrecoverable signature.
    /// </summary>
    byte[] RecoverAddress(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature65);
}
