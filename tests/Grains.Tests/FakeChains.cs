using Blocktrack.Grains.Chains;

namespace Blocktrack.Grains.Tests;

/// <summary>Hands each configured chain id its fake chain.</summary>
public sealed class FakeChains : IChainReaderFactory
{
    public const long ChainId = 9001;
    public const string Token = "btk@9001";

    public FakeChain Chain { get; } = new();

    public IChainReader For(ChainOptions chain) => chain.Id == ChainId ? Chain : throw new InvalidOperationException($"no fake chain {chain.Id}");

    public static ChainOptions Options(FakeChain chain) => new()
    {
        Id = ChainId, Name = "fake", Confirmations = 2, PollInterval = TimeSpan.FromHours(1), MaxBlockRange = 3,
        Tokens = [new MirroredToken { Address = chain.Token, Token = Token }],
    };
}
