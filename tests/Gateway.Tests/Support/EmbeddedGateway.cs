using Microsoft.Data.Sqlite;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// A Gateway of a test's own on the embedded profile (SQLite), its files in a folder of its own that is deleted once the
/// Gateway has stopped and SQLite has let go of them; <see cref="GatewayFixture.RestartAsync"/> reads everything back.
/// </summary>
public sealed class EmbeddedGateway : IAsyncLifetime
{
    public EmbeddedGateway() => Gateway = GatewayFixture.With(new Dictionary<string, string?>
    {
        ["Orleans:Profile"] = "embedded",
        ["Orleans:DataDirectory"] = Data.Path,
    });

    public TempDirectory Data { get; } = new();

    public GatewayFixture Gateway { get; }

    public Task InitializeAsync() => Gateway.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Data.Dispose();
    }
}
