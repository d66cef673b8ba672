using Blocktrack.Silo;
using Microsoft.Data.Sqlite;

namespace Blocktrack.Storage.Tests;

/// <summary>The embedded (default) profile is durable: a silo started again on the same data folder finds what the last one stored.</summary>
[Trait("Category", TestCategory.Storage)]
public sealed class EmbeddedProfileTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private Dictionary<string, string?> Settings => new()
    {
        ["Orleans:Profile"] = SiloConfiguration.EmbeddedProfile,
        ["Orleans:DataDirectory"] = Path.Combine(_data.Path, "nested", "data"),
    };

    [Fact]
    public async Task Grain_state_written_before_a_restart_is_read_after_it()
    {
        var probe = new VoterProbe();
        await using (var first = await TestClusters.StartAsync(Settings))
        {
            await probe.WriteAsync(first.Client);
        }

        Assert.True(File.Exists(Path.Combine(_data.Path, "nested", "data", "governance.db")));
        await using var second = await TestClusters.StartAsync(Settings);
        await probe.AssertStillThereAsync(second.Client);
    }

    [Fact]
    public async Task The_embedded_profile_is_the_default_and_creates_its_data_folder()
    {
        var folder = Path.Combine(_data.Path, "default-profile");
        await using var cluster = await TestClusters.StartAsync(new Dictionary<string, string?> { ["Orleans:DataDirectory"] = folder });
        await new VoterProbe().WriteAsync(cluster.Client);
        Assert.True(File.Exists(Path.Combine(folder, "governance.db")));
    }

    [Fact]
    public async Task An_unusable_data_folder_stops_the_silo_at_startup()
    {
        var occupied = Path.Combine(_data.Path, "a-file");
        await File.WriteAllTextAsync(occupied, "not a folder");

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            TestClusters.StartAsync(new Dictionary<string, string?> { ["Orleans:DataDirectory"] = occupied }));
        Assert.Contains(occupied, error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
