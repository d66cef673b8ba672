namespace Blocktrack.Gateway;

/// <summary>The <c>message</c> of a signed request: one EIP-712 struct whose acting address must be the signer.</summary>
public interface ISignedMessage
{
    /// <summary>The EIP-712 primary type name, e.g. <c>Ballot</c>.</summary>
    static abstract string TypeName { get; }

    /// <summary>The address that acts, as sent (validated by <see cref="SignatureVerifier"/>).</summary>
    string Actor { get; }

    /// <summary>Unix seconds when the client signed; bounds the message's lifetime.</summary>
    ulong Timestamp { get; }

    /// <summary>Checks what JSON types cannot (nulls, addresses, ranges); throws <see cref="ApiProblemException"/>.</summary>
    void Validate();

    /// <summary><c>hashStruct</c> of this message, given the already-parsed acting address.</summary>
    byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor);
}
