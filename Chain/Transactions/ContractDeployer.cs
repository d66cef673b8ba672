using Blocktrack.Chain.Abi;

namespace Blocktrack.Chain.Transactions;

/// <summary>Deploys compiled artifacts: creation bytecode plus ABI-encoded constructor arguments in a contract-creation transaction.</summary>
public static class ContractDeployer
{
    /// <summary>Deploys and returns the new contract's address; throws <see cref="TransactionRevertedException"/> if the constructor reverted.</summary>
    public static async Task<DeployedContract> DeployAsync(
        this TransactionSender sender, ContractArtifact artifact, byte[] privateKey, IReadOnlyList<object?> constructorArguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var data = artifact.DeploymentData([.. constructorArguments]);
        var result = (await sender.SendAsync(new TransactionRequest(null, data), privateKey, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        var address = result.Receipt.ContractAddress
            ?? throw new InvalidOperationException($"Receipt of {result.Hash} has no contract address.");
        return new DeployedContract(address, artifact, result);
    }
}
