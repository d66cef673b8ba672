namespace Blocktrack.Cluster.Tests;

/// <summary>
/// The deployment of the virtual-host proofs: PostgreSQL, three silos and the Gateway each on a virtual host of its own
/// (<see cref="VirtualNetwork"/>: own address, own network stack, one bridge), reached only at those addresses. Failure
/// detection is tuned to seconds, and the Gateway rereads the live silos every 2 s, so a silo cut off the network is
/// dropped soon after it is declared dead. Tests that need another shape <see cref="Resize"/> it first.
/// </summary>
public sealed class VirtualHostsFixture : MultiSiloFixture
{
    /// <summary>How long a SIGTERMed silo may take to leave (below its <c>Shutdown:Timeout</c> of 25 s plus startup slack).</summary>
    public static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(40);

    private VirtualNetwork? _network;

    public VirtualNetwork Network => _network ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Fewer than on loopback: funding them is a quarter of the suite's time, and four proposals still make a storm.</summary>
    protected override int VoterCount => 300;

    public IEnumerable<SiloProcess> LiveSilos => Cluster.Silos.Where(s => !s.Process.HasExited);

    protected override async Task<LocalCluster> StartClusterAsync()
    {
        _network = await VirtualNetwork.CreateAsync();
        return await LocalCluster.StartAsync(new LocalClusterOptions
        {
            Silos = 3,
            Network = _network,
            GatewaySettings = new Dictionary<string, string>
            {
                ["Orleans:Client:GatewayListRefreshPeriod"] = "00:00:02",
                // As the manifests do (5 s there): a stopping Gateway answers 503 shutting-down while it leaves the rotation.
                ["Shutdown:DrainDelay"] = "00:00:02",
            },
        }, Console.WriteLine);
    }

    public override async Task InitializeAsync()
    {
        // Without root or iproute2 every test here is skipped (VirtualHostsFact says why); start nothing.
        if (VirtualNetwork.Unavailable() is not null) return;
        try
        {
            await base.InitializeAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            _network?.Dispose();
        }
    }

    /// <summary>Starts silos or SIGTERMs the newest ones until <paramref name="count"/> are live; stopped ones must exit 0.</summary>
    public async Task Resize(int count)
    {
        while (LiveSilos.Count() < count) await Cluster.StartSiloAsync();
        var extra = LiveSilos.Reverse().Take(LiveSilos.Count() - count).ToList();
        await Task.WhenAll(extra.Select(Stop));
    }

    /// <summary>SIGTERM, as the kubelet sends; returns how long the silo took to exit 0.</summary>
    public async Task<TimeSpan> Stop(SiloProcess silo)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        silo.Process.Terminate();
        var exit = await silo.Process.WaitForExitAsync(StopLimit);
        Assert.True(exit == 0, $"silo-{silo.Index} exit code {exit?.ToString() ?? "none (still running)"}\n{silo.Process.Tail()}");
        return watch.Elapsed;
    }
}
