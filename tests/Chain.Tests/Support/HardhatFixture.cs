using Blocktrack.Tests.Support;

namespace Blocktrack.Chain.Tests.Support;

/// <summary>One Hardhat node shared by the tests of the "hardhat" collection, driven through Nethereum.</summary>
public sealed class HardhatFixture : IAsyncLifetime
{
    private HardhatNode? _node;

    public HardhatNode Node => _node ?? throw new InvalidOperationException("The Hardhat node is not running.");

    public DevChain Dev { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _node = await HardhatNode.StartAsync(HardhatNode.DefaultChainId, FreePort.Next(), TimeSpan.FromSeconds(30));
        Dev = _node.NewChain();
    }

    public Task<DevContract> DeployAsync(string artifact, byte[] key, params object?[] constructorArguments) =>
        Dev.DeployAsync(artifact, key, constructorArguments);

    public async Task DisposeAsync()
    {
        if (_node is not null)
            await _node.DisposeAsync();
    }
}
