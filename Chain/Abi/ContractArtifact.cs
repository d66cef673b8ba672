using System.Text.Json;

namespace Blocktrack.Chain.Abi;

/// <summary>A compiled contract as deploy/devchain/build.mjs (or Hardhat) writes it: name, ABI and creation bytecode.</summary>
public sealed record ContractArtifact(string ContractName, ContractAbi Abi, byte[] Bytecode)
{
    public static ContractArtifact Load(string path) => Parse(File.ReadAllText(path));

    public static ContractArtifact Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var name = root.GetProperty("contractName").GetString() ?? throw new AbiException("Artifact without a contractName.");
        var bytecode = root.GetProperty("bytecode").GetString() ?? "0x";
        // Unlinked library placeholders (__$...$__) would deploy garbage; our contracts use none.
        if (bytecode.Contains("__", StringComparison.Ordinal))
            throw new AbiException($"Artifact {name} needs library linking, which is not supported.");
        return new ContractArtifact(name, ContractAbi.FromJson(root.GetProperty("abi")), Hex.Parse(bytecode));
    }

    /// <summary>Creation bytecode followed by the ABI-encoded constructor arguments: the data of a deploying transaction.</summary>
    public byte[] DeploymentData(params object?[] constructorArguments) =>
        [.. Bytecode, .. Abi.EncodeConstructor(constructorArguments)];
}
