namespace Blocktrack.Grains.Chains;

/// <summary>The header fields a watcher needs: where the block sits, what it follows, when it was made.</summary>
public sealed record ChainBlock(long Number, string Hash, string ParentHash, long Timestamp);
