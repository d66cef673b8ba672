namespace Blocktrack.Gateway;

/// <summary>The body of every signed request: the EIP-712 message as signed, and the 65-byte r‖s‖v signature in 0x hex.</summary>
public sealed record SignedRequest<TMessage>
    where TMessage : class, ISignedMessage
{
    public required TMessage Message { get; init; }

    /// <summary>0x-prefixed hex of r‖s‖v (65 bytes); v may be 27/28 or 0/1.</summary>
    public required string Signature { get; init; }
}
