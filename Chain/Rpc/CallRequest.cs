using System.Numerics;

namespace Blocktrack.Chain.Rpc;

/// <summary>The transaction-like object of eth_call and eth_estimateGas; a null <paramref name="To"/> simulates a deployment.</summary>
public sealed record CallRequest(string? To, byte[]? Data = null, string? From = null, BigInteger? Value = null, BigInteger? Gas = null);
