using System.Diagnostics;
using System.Numerics;
using Microsoft.Extensions.Hosting;

namespace Blocktrack.Cluster.Tests;

/// <summary>
/// One real deployment for the multi-silo tests: PostgreSQL, three silo processes and the Gateway process, plus an
/// Orleans client of the tests' own (to see where grains live). Voters are funded by the operator and self-delegate
/// with signed messages, all over HTTP, as in production.
/// </summary>
public class MultiSiloFixture : IAsyncLifetime
{
    /// <summary>Voters funded and self-delegated at startup; every storm ballot is one of theirs.</summary>
    protected virtual int VoterCount => 600;
    public const string Token = "btk";

    private IHost? _client;

    public LocalCluster Cluster { get; private set; } = null!;

    /// <summary>The Gateway the tests talk to; a test that replaces the Gateway points it at the new one.</summary>
    public GatewayApi Api { get; set; } = null!;

    public IGrainFactory Grains => _client?.Grains() ?? throw new InvalidOperationException("The fixture has not started.");

    public TestKey[] Voters { get; private set; } = [];

    public TimeSpan StartupTime { get; private set; }

    public TimeSpan SetupTime { get; private set; }

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Distinct weights, so a ballot counted with the wrong voter's power would show in the sums.</summary>
    public static BigInteger Weight(int voter) => 100 + voter;

    /// <summary>The deployment: three silos and a Gateway on this machine's loopback.</summary>
    protected virtual Task<LocalCluster> StartClusterAsync() => LocalCluster.StartAsync(new LocalClusterOptions { Silos = 3 }, Console.WriteLine);

    public virtual async Task InitializeAsync()
    {
        var watch = Stopwatch.StartNew();
        Cluster = await StartClusterAsync();
        StartupTime = watch.Elapsed;
        Api = new GatewayApi(Cluster.GatewayUrl!, Cluster.OperatorKey);
        _client = await GovernanceHosts.StartClientAsync(Cluster.ClientSettings);

        watch.Restart();
        Voters = TestKey.Many("voter", VoterCount);
        var fedAt = Now - 30;
        await Bounded.ForEach(Voters, 16, async (voter, i) =>
        {
            await Api.FeedBalance(voter.Address, Token, fedAt, Weight(i));
            var delegation = Messages.Delegation(voter, voter.Checksummed, Now, Token);
            await Api.Delegate(voter.Address, TypedDataSigner.Sign(voter, "Delegation", delegation));
        });
        // A delegation made in second T counts from T + 1: let the last one fall into the past before anyone proposes.
        var settled = Now + 2;
        while (Now < settled) await Task.Delay(100);
        SetupTime = watch.Elapsed;
        Console.WriteLine($"cluster fixture: {VoterCount} voters funded and self-delegated in {SetupTime.TotalSeconds:F1} s");
    }

    public virtual async Task DisposeAsync()
    {
        if (_client is not null)
        {
            try { await _client.StopAsync(TimeSpan.FromSeconds(5)); }
            catch (Exception e) when (e is OperationCanceledException or Orleans.Runtime.OrleansException) { /* the cluster goes next anyway */ }
            _client.Dispose();
        }
        Api?.Dispose();
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}
