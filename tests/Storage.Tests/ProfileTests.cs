using Blocktrack.Grains.Persistence;
using Blocktrack.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Blocktrack.Storage.Tests;

/// <summary>Profile selection: names are forgiving about case and spaces; unknown ones fail clearly, for silos and clients alike.</summary>
[Trait("Category", TestCategory.Storage)]
public sealed class ProfileTests
{
    private static IConfiguration Config(string profile) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Orleans:Profile"] = profile }).Build();

    [Fact]
    public void A_silo_with_an_unknown_profile_fails_naming_the_known_ones()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Host.CreateApplicationBuilder().UseOrleans(silo => silo.AddGovernanceRuntime(Config("etcd"))));
        Assert.Equal("Unknown Orleans:Profile 'etcd'. Known profiles: embedded, cluster, kubernetes, memory.", error.Message);
    }

    [Fact]
    public void A_client_with_an_unknown_profile_fails_the_same_way()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Host.CreateApplicationBuilder().UseOrleansClient(client => client.ConfigureGovernanceClient(Config("etcd"))));
        Assert.Contains("Unknown Orleans:Profile 'etcd'", error.Message);
    }

    [Theory]
    [InlineData("Embedded", SiloConfiguration.EmbeddedProfile)]
    [InlineData(" cluster ", SiloConfiguration.ClusterProfile)]
    [InlineData("MEMORY", SiloConfiguration.MemoryProfile)]
    public void Profile_names_are_trimmed_and_case_insensitive(string configured, string expected) =>
        Assert.Equal(expected, SiloConfiguration.Profile(Config(configured)));

    [Fact]
    public void The_default_profile_is_embedded() =>
        Assert.Equal(SiloConfiguration.EmbeddedProfile, SiloConfiguration.Profile(new ConfigurationBuilder().Build()));

    [Fact]
    public async Task The_memory_profile_keeps_the_old_in_memory_setup()
    {
        await using var cluster = await TestClusters.StartAsync(new Dictionary<string, string?> { ["Orleans:Profile"] = SiloConfiguration.MemoryProfile });
        var probe = new VoterProbe();
        await probe.WriteAsync(cluster.Client);
        await probe.AssertStillThereAsync(cluster.Client);
        Assert.IsType<InMemoryBallotLog>(cluster.GetSiloServiceProvider().GetRequiredService<IBallotLog>());
    }
}
