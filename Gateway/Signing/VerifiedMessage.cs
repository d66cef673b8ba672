namespace Blocktrack.Gateway;

/// <summary>A message whose signer is proven to be its acting address, with what the grains record about it.</summary>
/// <param name="Message">The message as signed.</param>
/// <param name="Signer">Lower-case 0x address of the signer (= the acting address).</param>
/// <param name="Digest">0x hex of the EIP-712 digest: the message's identity for replay protection.</param>
/// <param name="Signature">0x lower-case hex of the signature, kept so anyone can re-verify.</param>
/// <param name="Timestamp">The message's timestamp, unix seconds.</param>
public sealed record VerifiedMessage<TMessage>(TMessage Message, string Signer, string Digest, string Signature, long Timestamp)
    where TMessage : class, ISignedMessage;
