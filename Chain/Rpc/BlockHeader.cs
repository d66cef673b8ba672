using System.Numerics;

namespace Blocktrack.Chain.Rpc;

/// <summary>The header fields a chain mirror needs: position, identity, parent link (for reorgs) and time.</summary>
public sealed record BlockHeader(long Number, string Hash, string ParentHash, long Timestamp, BigInteger? BaseFeePerGas);
