namespace Blocktrack.Chain;

/// <summary>Chooses the fastest <see cref="ISignatureRecovery"/> this machine offers.</summary>
public static class SignatureRecovery
{
    /// <summary>libsecp256k1 when it can be loaded, otherwise BouncyCastle; both are stateless and thread-safe.</summary>
    public static ISignatureRecovery CreateFastest() =>
        (ISignatureRecovery?)LibSecp256k1Recovery.TryCreate() ?? BouncyCastleRecovery.Instance;
}
