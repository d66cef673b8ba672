using Blocktrack.Chain.Abi;

namespace Blocktrack.Chain.Transactions;

/// <summary>A contract created by <see cref="ContractDeployer"/>: its lower-case address and the creating transaction.</summary>
public sealed record DeployedContract(string Address, ContractArtifact Artifact, TransactionResult Transaction);
