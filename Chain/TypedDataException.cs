namespace Blocktrack.Chain;

/// <summary>EIP-712 typed data that cannot be hashed: unknown types, missing or extra fields, out-of-range values.</summary>
public sealed class TypedDataException(string message, Exception? inner = null) : Exception(message, inner);
