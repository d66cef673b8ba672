using System.Globalization;
using Blocktrack.Chain;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// A chain where the cluster acts: its own zero-delay TimelockController (the executor proposes and executes), a
/// Counter and BlocktrackBadges the timelock owns, and a GovernanceAnchor; and a cluster whose <c>Chains:0:Executor</c>
/// points at them and whose watcher mirrors the badges from genesis, with no confirmations.
/// </summary>
public sealed class ExecutorFixture : IAsyncLifetime
{
    public const long ChainId = 412346;

    private HardhatNode? _node;

    public DevChain Dev { get; private set; } = null!;
    public DevContract Counter { get; private set; } = null!;
    public DevContract Anchor { get; private set; } = null!;
    public DevContract Badges { get; private set; } = null!;
    public string Timelock { get; private set; } = "";
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;
    public IChainExecutor Executor => Cluster.GetSiloServiceProvider().GetRequiredService<IChainExecutor>();

    public async Task InitializeAsync()
    {
        _node = await HardhatNode.StartAsync(ChainId, FreePort.Next(), TimeSpan.FromSeconds(30), TestChain.HardhatConfig);
        Dev = _node.NewChain();
        var executor = DevAccounts.DeployerAddress;
        var roles = new[] { executor };
        var timelock = await Dev.DeployAsync("TimelockController", DevAccounts.Deployer, 0, roles, roles, executor);
        Timelock = timelock.Address;
        Counter = await Dev.DeployAsync("Counter", DevAccounts.Deployer, Timelock);
        Anchor = await Dev.DeployAsync("GovernanceAnchor", DevAccounts.Deployer, executor);
        Badges = await Dev.DeployAsync("BlocktrackBadges", DevAccounts.Deployer, Timelock);

        var settings = new Dictionary<string, string?>
        {
            ["Orleans:Profile"] = "memory",
            ["Chains:0:Id"] = ChainId.ToString(CultureInfo.InvariantCulture),
            ["Chains:0:Name"] = "l3",
            ["Chains:0:Rpc"] = _node.Endpoint.ToString(),
            ["Chains:0:Confirmations"] = "0",
            ["Chains:0:PollInterval"] = "00:00:00.100",
            ["Chains:0:ReorgWindow"] = "10000",
            ["Chains:0:Executor:Timelock"] = Timelock,
            ["Chains:0:Executor:Anchor"] = Anchor.Address,
            ["Chains:0:Executor:Badges"] = Badges.Address,
            ["Chains:0:Executor:PrivateKey"] = Hex.ToHex(DevAccounts.Deployer),
        };
        Cluster = await InProcessClusters.StartAsync(settings);
    }

    /// <summary>A class that votes for two seconds at once, executes without delay and allows every action.</summary>
    public static ProposalClass OnChainClass(string token) => new()
    {
        Name = "onchain", QuorumBps = 0, VotingDelay = TimeSpan.Zero, VotingPeriod = TimeSpan.FromSeconds(2),
        TimelockDelay = TimeSpan.Zero, GracePeriod = TimeSpan.FromMinutes(5), PowerSource = PowerSource.TokenVotes(token),
        AllowedActions = ActionKinds.All,
    };

    /// <summary>
    /// Proposes <paramref name="actions"/> in the <see cref="OnChainClass"/> class as <paramref name="voter"/> (who must hold its
    /// power), votes For, and waits until the proposal executed or failed to.
    /// </summary>
    public async Task<ProposalInfo> PassAndWait(IDaoGrain dao, string voter, params ProposalAction[] actions)
    {
        var p = await dao.Propose(new ProposalDraft { Proposer = voter, Class = "onchain", Title = "act", Actions = [.. actions], Digest = Digest() });
        var proposal = Grains.GetGrain<IProposalGrain>(p.Id);
        await Eventually.Until(() => proposal.GetInfo(), i => i.State == ProposalState.Active, TimeSpan.FromSeconds(10), "voting open");
        await Grains.Shard(p.Id, voter, p.BallotShards).CastBallot(new BallotRequest
        {
            Voter = voter, Support = Support.For, Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Digest = Digest(), Signature = "0x",
        });
        return await Eventually.Until(() => proposal.GetInfo(), i => i.State == ProposalState.Executed || i.ExecutionError is not null,
            TimeSpan.FromSeconds(30), "executed or failed");
    }

    /// <summary>A fresh 32-byte digest.</summary>
    public static string Digest() => Hex.ToHex(Keccak256.Hash(Guid.NewGuid().ToString()));

    /// <summary>The node's JSON-RPC endpoint, for a second host (a Gateway) on the same chain.</summary>
    public Uri Endpoint => _node!.Endpoint;

    public IChainWatcherGrain Watcher => Grains.GetGrain<IChainWatcherGrain>(ChainId);

    /// <summary>Waits until the watcher has mirrored the chain's current head, healthy.</summary>
    public async Task<WatcherStatus> CaughtUp()
    {
        var head = await Dev.BlockNumberAsync();
        return await Eventually.Until(() => Watcher.GetStatus(), s => s.Healthy && s.Cursor >= head,
            what: $"executor chain mirrored up to block {head}");
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
        if (_node is not null) await _node.DisposeAsync();
    }
}

/// <summary>The badge tests share one executor chain (its own, apart from <see cref="ActingOnChainTests"/>'s).</summary>
[CollectionDefinition(Name)]
public sealed class BadgeCollection : ICollectionFixture<ExecutorFixture>
{
    public const string Name = "badges";
}
