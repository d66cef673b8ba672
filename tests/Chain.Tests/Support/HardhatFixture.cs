using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Rpc;
using Blocktrack.Chain.Transactions;

namespace Blocktrack.Chain.Tests.Support;

/// <summary>One Hardhat node shared by the tests of the "hardhat" collection, with clients and artifacts ready.</summary>
public sealed class HardhatFixture : IAsyncLifetime
{
    private HardhatNode? _node;

    public HardhatNode Node => _node ?? throw new InvalidOperationException("The Hardhat node is not running.");

    public JsonRpcClient Rpc { get; private set; } = null!;

    public EthClient Eth { get; private set; } = null!;

    public DevChainClient DevChain { get; private set; } = null!;

    public TransactionSender Sender { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _node = await HardhatNode.StartAsync(HardhatNode.DefaultChainId, FreePort.Next(), TimeSpan.FromSeconds(30));
        Rpc = _node.NewRpc();
        Eth = new EthClient(Rpc, new EthClientOptions { LogsMaxBlockRange = 5 });
        DevChain = new DevChainClient(Rpc);
        Sender = new TransactionSender(Eth, new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(20) });
    }

    public static ContractArtifact Artifact(string name) =>
        ContractArtifact.Load(Path.Combine(RepoRoot.Path, "deploy", "devchain", "artifacts", $"{name}.json"));

    public async Task<ContractClient> DeployAsync(string artifact, byte[] key, params object?[] constructorArguments)
    {
        var deployed = await Sender.DeployAsync(Artifact(artifact), key, constructorArguments);
        return ContractClient.For(Eth, deployed);
    }

    public async Task DisposeAsync()
    {
        Rpc?.Dispose();
        if (_node is not null)
            await _node.DisposeAsync();
    }
}
