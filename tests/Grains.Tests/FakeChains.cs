using Blocktrack.Grains.Chains;

namespace Blocktrack.Grains.Tests;

/// <summary>Hands each configured chain id its own fake chain, so tests that mirror chains do not share one.</summary>
public sealed class FakeChains : IChainReaderFactory
{
    public const long WatcherChain = 9001;
    public const long CrossChain = 9002;
    public const long EscrowChain = 9003;
    public const long EscrowProposalChain = 9004;

    /// <summary>A chain whose configuration a test pins to another one, which stops its watcher for good.</summary>
    public const long PinnedChain = 9005;

    private readonly Dictionary<long, FakeChain> _chains = new()
    {
        [WatcherChain] = new(), [CrossChain] = new(), [EscrowChain] = new(), [EscrowProposalChain] = new(),
        [PinnedChain] = new(),
    };

    public FakeChain this[long id] => _chains[id];

    public static string TokenOf(long id) => $"btk@{id}";

    public static string EscrowOf(long id) => $"vebtk@{id}";

    public IChainReader For(ChainOptions chain) =>
        _chains.TryGetValue(chain.Id, out var fake) ? fake : throw new InvalidOperationException($"no fake chain {chain.Id}");

    public IEnumerable<ChainOptions> Options() => _chains.Select(c => new ChainOptions
    {
        Id = c.Key, Name = $"fake-{c.Key}", Confirmations = 2, PollInterval = TimeSpan.FromHours(1), MaxBlockRange = 3,
        Tokens = [new MirroredToken { Address = c.Value.Token, Token = TokenOf(c.Key) }],
        Escrows = [new MirroredEscrow { Address = c.Value.Escrow, Token = EscrowOf(c.Key) }],
    });
}
