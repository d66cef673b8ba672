using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>The chains the silos are configured to mirror (key 0), so clients need not share the silos' configuration.</summary>
[Alias("bt.IChainRegistryGrain")]
public interface IChainRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Every configured chain, by id.</summary>
    [Alias("GetChains")] Task<ImmutableArray<ChainInfo>> GetChains();
}
