using Blocktrack.Chain.Abi;

namespace Blocktrack.Silo.Chains;

/// <summary>The GovernanceAnchor functions the cluster calls (deploy/devchain/contracts/GovernanceAnchor.sol).</summary>
public static class AnchorAbi
{
    private static readonly Dictionary<string, AbiFunction> Functions = new[]
    {
        "recordResult(string,uint8,uint256,uint256,uint256,bytes32)",
        "recordConstitution(string,uint64,bytes32)",
        "function resultOf(string) view returns ((uint8,uint256,uint256,uint256,bytes32,uint64,bool))",
        "function constitutionAt(string,uint64) view returns (bytes32)",
        "recordAudit(uint64,bytes32)",
        "function auditAt(uint64) view returns (bytes32)",
    }.Select(AbiFunction.Parse).ToDictionary(f => f.Name);

    public static AbiFunction Function(string name) =>
        Functions.TryGetValue(name, out var f) ? f : throw new ArgumentException($"unknown anchor function '{name}'", nameof(name));
}
