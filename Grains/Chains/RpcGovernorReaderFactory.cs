using System.Collections.Concurrent;
using Blocktrack.Chain.Rpc;

namespace Blocktrack.Grains.Chains;

/// <summary>One JSON-RPC Governor reader per configured chain, shared by the silo.</summary>
public sealed class RpcGovernorReaderFactory : IGovernorReaderFactory, IDisposable
{
    private readonly ConcurrentDictionary<long, (JsonRpcClient Rpc, RpcGovernorReader Reader)> _readers = new();

    public IGovernorReader For(ChainOptions chain) => _readers.GetOrAdd(chain.Id, _ =>
    {
        // A proposal asks again on its next read if this fails, so there is no point retrying long.
        var rpc = new JsonRpcClient(new JsonRpcClientOptions(new Uri(chain.Rpc)) { MaxAttempts = 2, RequestTimeout = TimeSpan.FromSeconds(5) });
        return (rpc, new RpcGovernorReader(new EthClient(rpc)));
    }).Reader;

    public void Dispose()
    {
        foreach (var (rpc, _) in _readers.Values) rpc.Dispose();
    }
}
