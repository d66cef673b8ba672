namespace Blocktrack.Gateway;

/// <summary>The <c>message</c> of a signed request: one EIP-712 struct whose acting address must be the signer.</summary>
public interface ISignedMessage
{
    /// <summary>The EIP-712 primary type name, e.g. <c>Ballot</c>.</summary>
    static abstract string TypeName { get; }

    /// <summary>
    /// True when the ballot log itself refuses a replay (same digest) so no voter-grain call is spent per vote;
    /// every other message is used up in the signer's voter grain.
    /// </summary>
    static virtual bool GuardedByBallotLog => false;

    /// <summary>The address that acts, as sent (validated by <see cref="SignatureVerifier"/>).</summary>
    string Actor { get; }

    /// <summary>Unix seconds when the client signed; bounds the message's lifetime.</summary>
    ulong Timestamp { get; }

    /// <summary>Checks what JSON types cannot (nulls, addresses, ranges); throws <see cref="ApiProblemException"/>.</summary>
    void Validate();

    /// <summary>
    /// After verification and before the message is used up: refuses a message sent to another route than it is signed
    /// for, or one that cannot be acted on, so its signer can still use it where it belongs.
    /// </summary>
    void Admit(HttpContext http, string signer);

    /// <summary><c>hashStruct</c> of this message, given the already-parsed acting address.</summary>
    byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor);
}
