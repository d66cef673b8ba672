using System.Collections.Immutable;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Chains;

/// <summary>Answers the silo's chain configuration from memory, wherever the call lands.</summary>
[StatelessWorker]
public sealed class ChainRegistryGrain(IOptions<ChainsOptions> options) : Grain, IChainRegistryGrain
{
    public Task<ImmutableArray<ChainInfo>> GetChains() => Task.FromResult<ImmutableArray<ChainInfo>>(
        [.. options.Value.Chains.OrderBy(c => c.Id).Select(c => new ChainInfo
        {
            Id = c.Id, Name = c.Name, Endpoint = Endpoint(c.Rpc), Confirmations = c.Confirmations, PollInterval = c.PollInterval,
            Tokens = [.. c.Tokens.Select(t => new ChainTokenInfo(t.Address.ToLowerInvariant(), t.Token))],
            Governors = [.. c.Governors.Select(g => new ChainGovernorInfo(g.Address.ToLowerInvariant(), g.Dao))],
            Escrows = [.. c.Escrows.Select(e => new ChainTokenInfo(e.Address.ToLowerInvariant(), e.Token))],
        })]);

    /// <summary>Scheme, host and port only: providers put API keys in user info, paths and queries.</summary>
    public static string Endpoint(string rpc) =>
        Uri.TryCreate(rpc, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}" : "";
}
