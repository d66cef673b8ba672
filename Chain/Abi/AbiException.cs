namespace Blocktrack.Chain.Abi;

/// <summary>A type, signature or value that the ABI cannot express, or data that does not decode as the given types.</summary>
public sealed class AbiException(string message, Exception? inner = null) : Exception(message, inner);
