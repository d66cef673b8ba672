using Blocktrack.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// One Gateway with a co-hosted embedded silo per collection, on real Kestrel at 127.0.0.1 and a fake governance clock.
/// The clock starts at the real time and only moves forward a few seconds per proposal, so messages signed with the real
/// time (the documented ethers snippet) stay inside the freshness window.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string OperatorKey = "test-operator-key";
    public const long ChainId = TypedDataSigner.DefaultChainId;

    private readonly IReadOnlyDictionary<string, string?> overrides;
    private readonly bool withScenario;
    private WebApplication? app;

    /// <summary>The collection's Gateway: memory profile.</summary>
    public GatewayFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    private GatewayFixture(IReadOnlyDictionary<string, string?> overrides, bool withScenario = true)
    {
        this.overrides = overrides;
        this.withScenario = withScenario;
    }

    /// <summary>
    /// A Gateway of a test's own with settings of its own on top (say, the embedded profile and a data folder); the test
    /// calls <see cref="InitializeAsync"/> and <see cref="DisposeAsync"/> (xunit allows a fixture one public constructor).
    /// </summary>
    public static GatewayFixture With(IReadOnlyDictionary<string, string?> overrides) => new(overrides);

    /// <summary>As <see cref="With"/>, but without the scenario's DAO and voters: a test that counts every request it sends.</summary>
    public static GatewayFixture Bare(IReadOnlyDictionary<string, string?> overrides) => new(overrides, withScenario: false);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public HttpClient Http { get; private set; } = null!;

    public ApiScenario Scenario { get; private set; } = null!;

    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The Gateway has not started.");

    public long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    public async Task InitializeAsync()
    {
        await StartAppAsync();
        Scenario = new ApiScenario(this);
        if (withScenario) await Scenario.InitializeAsync();
    }

    /// <summary>
    /// Stops the Gateway and its silo, runs <paramref name="whileStopped"/> (say, on the storage files), and starts them
    /// again on the same settings and clock (new ports): with a durable profile, everything is read back from storage.
    /// </summary>
    public async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        await StopAppAsync();
        if (whileStopped is not null) await whileStopped();
        await StartAppAsync();
    }

    private async Task StartAppAsync()
    {
        app = GatewayApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                // Each run starts from nothing; the durable profiles have their own tests (tests/Storage.Tests).
                ["Orleans:Profile"] = "memory",
                // Ports picked now, so this silo never collides with other test projects' clusters or a running Gateway.
                ["Orleans:SiloPort"] = FreePort.Next().ToString(),
                ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
                ["Gateway:OperatorApiKey"] = OperatorKey,
                ["Gateway:ChainId"] = ChainId.ToString(),
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Configuration.AddInMemoryCollection(overrides);
            builder.Services.UseGovernanceClock(Clock);
        });
        await app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };
    }

    public Task DisposeAsync() => StopAppAsync();

    private async Task StopAppAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    /// <summary>A request with the operator key.</summary>
    public HttpRequestMessage Operator(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = Json.Content(body) };
        request.Headers.Add("X-Api-Key", OperatorKey);
        return request;
    }
}
