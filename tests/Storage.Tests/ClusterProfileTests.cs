using Blocktrack.Silo;

namespace Blocktrack.Storage.Tests;

/// <summary>The cluster profile as deployed: ADO.NET membership on PostgreSQL, a pure client finding the silo through it, state across restarts.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class ClusterProfileTests(PostgresBackend backend)
{
    private async Task<Dictionary<string, string?>> Settings() => new()
    {
        ["Orleans:Profile"] = SiloConfiguration.ClusterProfile,
        ["ConnectionStrings:Orleans"] = await backend.Server.CreateDatabaseAsync("cluster"),
        ["Orleans:ClusterId"] = "storage-tests",
        ["Orleans:ServiceId"] = "storage-tests",
        ["Orleans:SiloPort"] = FreePort.Next().ToString(),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
        ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
    };

    [Fact]
    public async Task A_silo_migrates_an_empty_database_serves_a_client_and_keeps_state_across_a_restart()
    {
        var settings = await Settings();
        var probe = new VoterProbe();
        using (var silo = await GovernanceHosts.StartSiloAsync(settings))
        using (var client = await GovernanceHosts.StartClientAsync(settings))
        {
            await probe.WriteAsync(client.Grains());
            await client.StopAsync();
            await silo.StopAsync();
        }

        using (var silo = await GovernanceHosts.StartSiloAsync(settings))
        using (var client = await GovernanceHosts.StartClientAsync(settings))
        {
            await probe.AssertStillThereAsync(client.Grains());
            await client.StopAsync();
            await silo.StopAsync();
        }
    }

    [Fact]
    public async Task The_cluster_profile_without_a_connection_string_fails_with_the_setting_to_provide()
    {
        var settings = await Settings();
        settings.Remove("ConnectionStrings:Orleans");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GovernanceHosts.StartSiloAsync(settings));
        Assert.Contains("ConnectionStrings:Orleans", error.Message);
    }
}
