using System.Collections.Concurrent;
using Blocktrack.Chain.Rpc;
using Blocktrack.Grains.Chains;
using Nethereum.RPC;

namespace Blocktrack.Silo.Chains;

/// <summary>One chain reader and one Governor reader per configured chain, shared by the silo.</summary>
public sealed class RpcReaders : IChainReaderFactory, IGovernorReaderFactory
{
    private readonly ConcurrentDictionary<long, RpcChainReader> _chains = new();
    private readonly ConcurrentDictionary<long, RpcGovernorReader> _governors = new();

    // Few quick retries: the watcher backs off itself and reports the failure in its status.
    IChainReader IChainReaderFactory.For(ChainOptions chain) => _chains.GetOrAdd(chain.Id, _ =>
        new RpcChainReader(Eth(chain, TimeSpan.FromSeconds(10)), chain.MaxBlockRange));

    // A proposal asks again on its next read if this fails, so there is no point retrying long.
    IGovernorReader IGovernorReaderFactory.For(ChainOptions chain) => _governors.GetOrAdd(chain.Id, _ =>
        new RpcGovernorReader(Eth(chain, TimeSpan.FromSeconds(5))));

    private static IEthApiService Eth(ChainOptions chain, TimeSpan timeout) =>
        ResilientRpc.Web3(new RpcOptions(new Uri(chain.Rpc)) { MaxAttempts = 2, RequestTimeout = timeout }).Eth;
}
