using System.Collections.Concurrent;
using Blocktrack.Chain.Rpc;

namespace Blocktrack.Grains.Chains;

/// <summary>One JSON-RPC reader per configured chain, shared by the silo.</summary>
public sealed class RpcChainReaderFactory : IChainReaderFactory, IDisposable
{
    private readonly ConcurrentDictionary<long, (JsonRpcClient Rpc, RpcChainReader Reader)> _readers = new();

    public IChainReader For(ChainOptions chain) => _readers.GetOrAdd(chain.Id, _ =>
    {
        // Few quick retries: the watcher backs off itself and reports the failure in its status.
        var rpc = new JsonRpcClient(new JsonRpcClientOptions(new Uri(chain.Rpc)) { MaxAttempts = 2, RequestTimeout = TimeSpan.FromSeconds(10) });
        return (rpc, new RpcChainReader(new EthClient(rpc, new EthClientOptions { LogsMaxBlockRange = chain.MaxBlockRange })));
    }).Reader;

    public void Dispose()
    {
        foreach (var (rpc, _) in _readers.Values) rpc.Dispose();
    }
}
