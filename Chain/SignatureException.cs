namespace Blocktrack.Chain;

/// <summary>A signature that is malformed, non-canonical (high s) or recovers no public key.</summary>
public sealed class SignatureException(SignatureError error, string message) : Exception(message)
{
    public SignatureError Error { get; } = error;
}
