using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Calls a contract through the chain's TimelockController when the proposal executes. All on-chain calls of a
/// proposal go in one timelock batch (one chain per proposal), so they succeed or revert together.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.OnChainCall")]
public sealed record OnChainCall(
    [property: Id(0)] long Chain,
    [property: Id(1)] string Target,
    [property: Id(2)] BigInteger Value,
    [property: Id(3)] string Calldata) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.OnChainCall;
}
