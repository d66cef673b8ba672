using System.Numerics;
using Blocktrack.Chain.Abi;
using Blocktrack.Grains.Chains;
using Nethereum.RPC;

namespace Blocktrack.Silo.Chains;

/// <summary>Governor reads over eth_call.</summary>
public sealed class RpcGovernorReader(IEthApiService eth) : IGovernorReader
{
    private static readonly AbiFunction QuorumFunction = AbiFunction.Parse("function quorum(uint256 timepoint) view returns (uint256)");

    public async Task<BigInteger> Quorum(string governor, long timepoint, CancellationToken cancellationToken = default) =>
        (BigInteger)(await QuorumFunction.CallAsync(eth, governor, new BigInteger(timepoint)))[0]!;
}
