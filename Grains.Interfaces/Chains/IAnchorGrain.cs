namespace Blocktrack.Grains.Interfaces;

/// <summary>Publishes final results and constitution hashes to the anchor contract, in order, retrying until they land (key 0).</summary>
[Alias("bt.IAnchorGrain")]
public interface IAnchorGrain : IGrainWithIntegerKey
{
    /// <summary>Queues a record for publication; idempotent per key. Does nothing when no anchor is configured.</summary>
    [Alias("Publish")] Task Publish(AnchorRecord record);

    /// <summary>The record under a key with its transaction, or null.</summary>
    [Alias("Get")] Task<AnchorRecord?> Get(string key);

    /// <summary>Reads the contract and compares it with what the cluster published under the key.</summary>
    [Alias("Check")] Task<AnchorCheck> Check(string key);

    /// <summary>Sends whatever is pending now (the timer does it too).</summary>
    [Alias("Flush")] Task<int> Flush();
}
