using System.Globalization;
using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Orleans.TestingHost;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// Two real chains (the L3 with BTK, a timelock and a Governor; a side chain with BTK) and one in-process cluster on the
/// real clock whose watchers mirror both, configured through the <c>Chains</c> section exactly as a deployment would be.
/// The cluster starts before anything is deployed, so its watchers have seen each chain from genesis.
/// </summary>
public sealed class ChainsFixture : IAsyncLifetime
{
    public const long L3 = 412346, Side = 412347;

    /// <summary>Accounts #1–#4 hold 1000 BTK each on both chains, self-delegated, from the start.</summary>
    public static readonly BigInteger BaseBalance = BigInteger.Parse("1000000000000000000000", CultureInfo.InvariantCulture);

    public TestChain A { get; private set; } = null!;
    public TestChain B { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    public IReadOnlyList<TestChain> Both => [A, B];

    public async Task InitializeAsync()
    {
        var started = await Task.WhenAll(TestChain.StartAsync(L3, "l3", withGovernor: true), TestChain.StartAsync(Side, "side", withGovernor: false));
        (A, B) = (started[0], started[1]);

        var settings = Settings(Both);
        settings["Orleans:Profile"] = "memory";
        Cluster = await InProcessClusters.StartAsync(settings);

        // The watchers were started with the silo; genesis mirrored means a fresh node later is seen as a reorg from block 0.
        foreach (var chain in Both) await Eventually.Until(() => Watcher(chain).GetStatus(), s => s.Cursor >= 0, what: $"chain {chain.Id} genesis mirrored");
        await Task.WhenAll(Both.Select(DeployBase));
    }

    /// <summary>BTK (and on the L3 the Governor) at the precomputed addresses, and the base voters.</summary>
    public static async Task DeployBase(TestChain chain)
    {
        await chain.DeployAsync();
        await chain.MintAndDelegate(DevAccounts.Keys[1..5], BaseBalance);
    }

    /// <summary>The <c>Chains</c> configuration for the given chains: no confirmations, fast polls, a wide reorg window.</summary>
    public static Dictionary<string, string?> Settings(IEnumerable<TestChain> chains)
    {
        var settings = new Dictionary<string, string?>();
        var i = 0;
        foreach (var c in chains)
        {
            var p = $"Chains:{i++}:";
            settings[p + "Id"] = c.Id.ToString(CultureInfo.InvariantCulture);
            settings[p + "Name"] = c.Name;
            settings[p + "Rpc"] = c.RpcUrl;
            settings[p + "Confirmations"] = "0";
            settings[p + "PollInterval"] = "00:00:00.100";
            settings[p + "MaxBlockRange"] = "20";
            settings[p + "ReorgWindow"] = "10000";
            settings[p + "Tokens:0:Address"] = c.Btk.Address;
            settings[p + "Tokens:0:Token"] = c.Token;
            if (c.WithEscrow)
            {
                settings[p + "Escrows:0:Address"] = c.Escrow.Address;
                settings[p + "Escrows:0:Token"] = c.EscrowToken;
            }
            if (!c.WithGovernor) continue;
            settings[p + "Governors:0:Address"] = c.Governor.Address;
            settings[p + "Governors:0:Dao"] = $"onchain/{c.Name}";
        }
        return settings;
    }

    public IChainWatcherGrain Watcher(TestChain chain) => Grains.GetGrain<IChainWatcherGrain>(chain.Id);

    /// <summary>Waits until the watcher has mirrored the chain's current head, healthy.</summary>
    public async Task<WatcherStatus> CaughtUp(TestChain chain, TimeSpan? timeout = null)
    {
        var head = await chain.Dev.BlockNumberAsync();
        return await Eventually.Until(() => Watcher(chain).GetStatus(), s => s.Healthy && s.Cursor >= head, timeout,
            $"chain {chain.Id} mirrored up to block {head}");
    }

    /// <summary>Mirrored votes equal getPastVotes for each voter at each timepoint, and votable power the sum over every delegate.</summary>
    public async Task AssertMirrored(TestChain chain, IEnumerable<string> voters, IEnumerable<long> timepoints)
    {
        await CaughtUp(chain);
        var supply = Grains.GetGrain<ITokenSupplyGrain>(chain.Token);
        foreach (var t in timepoints)
        {
            foreach (var voter in voters)
                Assert.True(await chain.PastVotes(voter, t) == await Grains.GetGrain<IVoterGrain>(voter).GetVotes(chain.Token, t),
                    $"votes of {voter} at {t} on chain {chain.Id}: chain {await chain.PastVotes(voter, t)}, cluster {await Grains.GetGrain<IVoterGrain>(voter).GetVotes(chain.Token, t)}");
            Assert.Equal(await chain.VotablePower(t), await supply.GetVotable(t));
        }
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
        foreach (var chain in new[] { A, B }.OfType<TestChain>()) await chain.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ChainsCollection : ICollectionFixture<ChainsFixture>
{
    public const string Name = "chains";
}
