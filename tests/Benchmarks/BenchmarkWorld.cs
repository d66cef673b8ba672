using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Tests.Support;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Blocktrack.Benchmarks;

/// <summary>
/// A cluster-profile deployment (PostgreSQL, silo processes, optionally the Gateway process) plus the benchmark's own
/// Orleans client, with the setup every scenario shares: a DAO, voting power, an open proposal.
/// </summary>
public sealed class BenchmarkWorld : IAsyncDisposable
{
    public const string Token = "btk";
    public const string ClassName = "bench";

    private readonly IHost _client;
    private readonly LocalCluster? _cluster;
    private readonly EmbeddedGatewayProcess? _embedded;

    private BenchmarkWorld(LocalCluster? cluster, EmbeddedGatewayProcess? embedded, IHost client)
    {
        _cluster = cluster;
        _embedded = embedded;
        _client = client;
    }

    /// <summary>The cluster-profile deployment; the embedded world has none.</summary>
    public LocalCluster Cluster => _cluster ?? throw new InvalidOperationException("the embedded profile runs no LocalCluster");

    public Uri? GatewayUrl => _embedded?.Url ?? _cluster?.GatewayUrl;

    public ChildProcess? GatewayProcess => _embedded?.Process ?? _cluster?.Gateway;

    public string OperatorKey => _embedded is null ? Cluster.OperatorKey : EmbeddedGatewayProcess.OperatorKey;

    /// <summary>The Gateway process on the embedded profile (its silo co-hosted, SQLite) and the benchmark's client of it.</summary>
    public static async Task<BenchmarkWorld> StartEmbedded(IReadOnlyDictionary<string, string> gatewaySettings)
    {
        var embedded = await EmbeddedGatewayProcess.StartAsync(gatewaySettings);
        try
        {
            return new BenchmarkWorld(null, embedded, await GovernanceHosts.StartClientAsync(embedded.ClientSettings));
        }
        catch
        {
            await embedded.DisposeAsync();
            throw;
        }
    }

    public IGrainFactory Grains => _client.Grains();

    /// <summary>The silos on CPU 0; the Gateway, PostgreSQL (its postmaster and backends) and this process on CPU 1.</summary>
    public void PinSilosApart()
    {
        foreach (var silo in Cluster.Silos) ProcessCpu.Pin(silo.Process.Id, 0);
        if (GatewayProcess is { } gateway) ProcessCpu.Pin(gateway.Id, 1);
        if (Cluster.Postgres.PostmasterId is { } postmaster) ProcessCpu.Pin(postmaster, 1, tree: true);
        ProcessCpu.Pin(Environment.ProcessId, 1);
        Console.WriteLine("  pinned: silo on CPU 0; Gateway, PostgreSQL and the benchmark on CPU 1");
    }

    /// <summary>
    /// Starts a CPU reading of every process: the benchmark client, the Gateway, each silo and PostgreSQL (its
    /// postmaster's tree); on the embedded profile the Gateway process is the silo too.
    /// </summary>
    public CpuSample SampleCpu()
    {
        var processes = new List<(string, Func<double>)> { ("client", ProcessCpu.OwnSeconds) };
        if (GatewayProcess is { } gateway)
            processes.Add((_embedded is null ? "Gateway" : "Gateway+silo", () => ProcessCpu.Seconds(gateway.Id)));
        if (_cluster is { } cluster)
        {
            foreach (var silo in cluster.Silos) processes.Add(($"silo {silo.Index}", () => ProcessCpu.Seconds(silo.Process.Id)));
            if (cluster.Postgres.PostmasterId is { } postmaster) processes.Add(("PostgreSQL", () => ProcessCpu.TreeSeconds(postmaster)));
        }
        return CpuSample.Start([.. processes]);
    }

    public static async Task<BenchmarkWorld> Start(int silos, bool gateway, IReadOnlyDictionary<string, string>? gatewaySettings = null)
    {
        var cluster = await LocalCluster.StartAsync(new LocalClusterOptions
        {
            Silos = silos,
            Gateway = gateway,
            // Orleans' own failure detection: a benchmark saturating two cores must not get silos voted dead.
            FastFailureDetection = false,
            GatewaySettings = gatewaySettings ?? new Dictionary<string, string>(),
            // The throwaway server allows 300 connections; two pools per silo plus the clients' must fit.
            MaxPoolSize = Math.Min(100, 250 / (2 * silos)),
        }, line => Console.WriteLine("  " + line));
        try
        {
            await using (var connection = new NpgsqlConnection(cluster.Postgres.AdminConnectionString))
            {
                await connection.OpenAsync();
                await using var version = new NpgsqlCommand("SHOW server_version", connection);
                Console.WriteLine($"  PostgreSQL {await version.ExecuteScalarAsync()}");
            }
            return new BenchmarkWorld(cluster, null, await GovernanceHosts.StartClientAsync(cluster.ClientSettings));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Seconds since the epoch, the cluster's clock for snapshots and timepoints.</summary>
    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>
    /// Gives every voter its weight through <see cref="IVoterGrain.ApplyChainVotes"/> — the path the chain watchers use to
    /// mirror DelegateVotesChanged logs: one grain call and one small state write per voter, no delegation outbox, no
    /// per-voter traffic to the token's supply grain — and sets the votable supply once.
    /// </summary>
    public async Task FeedPower(IReadOnlyList<string> voters, Func<int, BigInteger> weight, int concurrency)
    {
        if (_cluster is null)
        {
            await FeedPowerDurably(voters, weight, concurrency); // SQLite: nothing to switch
            return;
        }
        // A bulk load before anything is measured: commit without waiting for the WAL flush, then back to durable commits.
        await SynchronousCommit(false);
        try
        {
            await FeedPowerDurably(voters, weight, concurrency);
        }
        finally
        {
            await SynchronousCommit(true);
        }
    }

    private async Task FeedPowerDurably(IReadOnlyList<string> voters, Func<int, BigInteger> weight, int concurrency)
    {
        var at = Now - 5;
        var total = BigInteger.Zero;
        for (var i = 0; i < voters.Count; i++) total += weight(i);
        var result = await Driver.Run("voting power", voters.Count, concurrency,
            i => Grains.GetGrain<IVoterGrain>(voters[i]).ApplyChainVotes(Token, block: 1, logIndex: 0, at, weight(i)));
        if (result.Failures > 0) throw new InvalidOperationException($"Feeding voting power failed: {result.FirstFailure}");
        await Grains.GetGrain<ITokenSupplyGrain>(Token).ApplyChainDelta(1, 0, at, total);
        Console.WriteLine($"  voting power of {voters.Count:N0} voters fed in {result.Elapsed.TotalSeconds:F1} s ({result.PerSecond:N0}/s)");
    }

    /// <summary>
    /// Starts a fresh silo for every running one, then stops the old ones gracefully (SIGTERM, as on a rolling upgrade)
    /// and waits for them to exit; answers the fresh silos. What the old silos held in memory (the feed's voter
    /// activations) is gone; what they saved is in PostgreSQL.
    /// </summary>
    public async Task<IReadOnlyList<SiloProcess>> ReplaceSilos()
    {
        var old = Cluster.Silos.Where(s => !s.Process.HasExited).ToList();
        var fresh = new List<SiloProcess>();
        foreach (var _ in old) fresh.Add(await Cluster.StartSiloAsync());
        foreach (var silo in old) silo.Process.Terminate();
        foreach (var silo in old)
        {
            if (await silo.Process.WaitForExitAsync(TimeSpan.FromMinutes(5)) is null)
                throw new TimeoutException($"silo {silo.Index} did not stop within 5 minutes of SIGTERM");
        }
        await UntilClientLeftStoppedGateways();
        return fresh;
    }

    /// <summary>
    /// The client drops a stopped silo's gateway when a connection to it fails (or at its next gateway-list refresh): until
    /// then a call may still be routed there and fail. Calls until a run of them has reached the fresh silos.
    /// </summary>
    private async Task UntilClientLeftStoppedGateways()
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        for (var succeeded = 0; succeeded < 20;)
        {
            try
            {
                await management.GetHosts(onlyActive: true);
                succeeded++;
            }
            catch (ConnectionFailedException) when (DateTime.UtcNow < deadline)
            {
                succeeded = 0;
                await Task.Delay(500);
            }
        }
    }

    /// <summary>Server-wide <c>synchronous_commit</c>, applied to open sessions too by a configuration reload.</summary>
    private async Task SynchronousCommit(bool on)
    {
        await using var connection = new NpgsqlConnection(Cluster.Postgres.AdminConnectionString);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand($"ALTER SYSTEM SET synchronous_commit = {(on ? "on" : "off")}", connection)) await set.ExecuteNonQueryAsync();
        await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
        await reload.ExecuteScalarAsync();
    }

    /// <summary>Choices of a proposal in a choice class.</summary>
    public const int Choices = 8;

    /// <summary>Founds a root DAO whose one class opens voting at once and closes it after <paramref name="votingPeriod"/>.</summary>
    public Task CreateDao(string path, TimeSpan votingPeriod, CountingType counting = CountingType.Basic) => Grains.GetGrain<IDaoGrain>(path).CreateRoot(new CreateDaoRequest
    {
        DisplayName = "Benchmark " + path,
        Constitution = new Constitution
        {
            Classes =
            [
                new ProposalClass
                {
                    Name = ClassName, QuorumBps = 100, VotingDelay = TimeSpan.Zero, VotingPeriod = votingPeriod,
                    TimelockDelay = TimeSpan.Zero, GracePeriod = TimeSpan.FromDays(1), PowerSource = PowerSource.TokenVotes(Token),
                    AllowedActions = ActionKinds.All, Counting = counting,
                },
            ],
        },
    });

    /// <summary>A proposal without actions in <paramref name="dao"/>; returns its id once voting is open, and its shard count.</summary>
    public async Task<(string Id, int Shards, DateTimeOffset Deadline)> Propose(string dao, string proposer, bool choices = false)
    {
        var info = await Grains.GetGrain<IDaoGrain>(dao).Propose(new ProposalDraft
        {
            Proposer = proposer, Class = ClassName, Title = "Benchmark proposal", Description = "", Actions = [],
            Digest = SyntheticVoters.Digest(dao, -1),
            Choices = choices ? [.. Enumerable.Range(1, Choices).Select(c => new ProposalChoice { Label = $"choice {c}" })] : [],
        });
        var proposal = Grains.GetGrain<IProposalGrain>(info.Id);
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((info = await proposal.GetInfo()).State != ProposalState.Active)
        {
            if (DateTimeOffset.UtcNow > until) throw new TimeoutException($"{info.Id} did not open; it is {info.State}.");
            await Task.Delay(100);
        }
        return (info.Id, info.BallotShards, info.Deadline);
    }

    /// <summary>One ballot straight to its shard, as the Gateway's router sends it.</summary>
    public async Task Cast(string proposal, int shards, string voter, int voterIndex, bool ranked = false)
    {
        var receipt = await Grains.Shard(proposal, voter, shards).CastBallot(new BallotRequest
        {
            // Mostly For, some Against and Abstain, as the storm tests vote; or a ranking of every choice drawn per voter.
            Voter = voter, Support = (voterIndex % 10) switch { < 6 => Support.For, < 9 => Support.Against, _ => Support.Abstain },
            Choices = ranked ? Ranking(voterIndex) : [],
            Reason = "", Timestamp = Now,
            Digest = SyntheticVoters.Digest(proposal, voterIndex), Signature = SyntheticVoters.Signature,
        });
        if (receipt.Duplicate) throw new InvalidOperationException($"{voter} on {proposal} was a duplicate");
    }

    /// <summary>A ranking of all choices, the same for the same voter: first preferences skewed so several rounds run.</summary>
    private static ImmutableArray<ushort> Ranking(int voterIndex)
    {
        var random = new Random(voterIndex);
        var first = (ushort)(1 + Math.Min(Choices - 1, (int)(Math.Abs(random.NextDouble() - random.NextDouble()) * Choices)));
        return [first, .. Enumerable.Range(1, Choices).Select(c => (ushort)c).Where(c => c != first).OrderBy(_ => random.Next())];
    }

    public static ImmutableArray<string> Voters(int count) => [.. Enumerable.Range(0, count).AsParallel().AsOrdered().Select(SyntheticVoters.Address)];

    public async ValueTask DisposeAsync()
    {
        try { await _client.StopAsync(TimeSpan.FromSeconds(5)); }
        catch (Exception e) when (e is OperationCanceledException or Orleans.Runtime.OrleansException) { /* going away anyway */ }
        _client.Dispose();
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_embedded is not null) await _embedded.DisposeAsync();
    }
}
