using System.Numerics;
using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Rpc;

namespace Blocktrack.Grains.Chains;

/// <summary>Governor reads over eth_call.</summary>
public sealed class RpcGovernorReader(IEthClient eth) : IGovernorReader
{
    private static readonly AbiFunction QuorumFunction = AbiFunction.Parse("function quorum(uint256 timepoint) view returns (uint256)");

    public async Task<BigInteger> Quorum(string governor, long timepoint, CancellationToken cancellationToken = default)
    {
        var output = await eth.CallAsync(new CallRequest(governor, QuorumFunction.EncodeCall(new BigInteger(timepoint))), null, cancellationToken);
        return (BigInteger)QuorumFunction.DecodeOutput(output)[0]!;
    }
}
