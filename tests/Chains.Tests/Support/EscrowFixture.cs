using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Orleans.TestingHost;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// An L3 of its own with BTK and the VotingEscrow, and a cluster (memory profile, real clock) mirroring both through the
/// <c>Chains</c> section. Its own, because the escrow tests move the chain's clock years ahead, which the shared chains'
/// proposal tests could not follow.
/// </summary>
public sealed class EscrowFixture : IAsyncLifetime
{
    public static readonly BigInteger Btk = BigInteger.Pow(10, 18);
    public static readonly BigInteger MaxUint = BigInteger.Pow(2, 256) - 1;

    public TestChain Chain { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        Chain = await TestChain.StartAsync(ChainsFixture.L3, "l3", withGovernor: false, withEscrow: true);
        var settings = ChainsFixture.Settings([Chain]);
        settings["Orleans:Profile"] = "memory";
        Cluster = await InProcessClusters.StartAsync(settings);
        await Eventually.Until(() => Watcher.GetStatus(), s => s.Cursor >= 0, what: "escrow chain genesis mirrored");
        await Chain.DeployAsync();
    }

    /// <summary>Every account <see cref="Lockers"/> made, across the collection's tests: all that may hold a lock.</summary>
    public List<string> AllLockers { get; } = [];

    public IChainWatcherGrain Watcher => Grains.GetGrain<IChainWatcherGrain>(Chain.Id);

    /// <summary>Waits until the watcher has mirrored the chain's current head, healthy.</summary>
    public async Task<WatcherStatus> CaughtUp()
    {
        var head = await Chain.Dev.BlockNumberAsync();
        return await Eventually.Until(() => Watcher.GetStatus(), s => s.Healthy && s.Cursor >= head,
            what: $"escrow chain mirrored up to block {head}");
    }

    /// <summary>Fresh accounts with ETH for gas and BTK, each having approved the escrow to take all of it.</summary>
    public async Task<List<byte[]>> Lockers(int count, BigInteger btk)
    {
        var keys = new List<byte[]>();
        for (var i = 0; i < count; i++)
        {
            var key = await Chain.NewFundedKey();
            await Chain.Send(Chain.Btk, DevAccounts.Deployer, "mint", DevAccounts.AddressOf(key), btk);
            await Chain.Send(Chain.Btk, key, "approve", Chain.Escrow.Address, MaxUint);
            keys.Add(key);
            AllLockers.Add(DevAccounts.AddressOf(key));
        }
        return keys;
    }

    public Task<BigInteger> BalanceOfAt(string owner, long timestamp) =>
        Chain.Escrow.CallAsync<BigInteger>("balanceOfAt", owner, timestamp);

    public Task<BigInteger> TotalSupplyAt(long timestamp) => Chain.Escrow.CallAsync<BigInteger>("totalSupplyAt", timestamp);

    /// <summary>The owner's lock as the contract holds it now.</summary>
    public async Task<EscrowLock> Locked(string owner)
    {
        var fields = await Chain.Escrow.CallAllAsync("locked", owner);
        return new EscrowLock((BigInteger)fields[0]!, (long)(BigInteger)fields[1]!);
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
        if (Chain is not null) await Chain.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EscrowCollection : ICollectionFixture<EscrowFixture>
{
    public const string Name = "escrow";
}
