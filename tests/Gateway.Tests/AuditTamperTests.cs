using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The audit log on the embedded profile: an honest log verifies; then, with the Gateway stopped, one stored entry is
/// rewritten in the SQLite file (as someone holding the file would), the Gateway restarts and serves the rewritten entry —
/// and <c>GET /audit/verify</c> refuses it, naming the entry, while the head still names the honest running hash.
/// </summary>
[Trait("Category", TestCategory.Storage)]
public sealed class AuditTamperTests : IAsyncLifetime
{
    private readonly EmbeddedGateway embedded = new();

    private GatewayFixture gateway => embedded.Gateway;

    public Task InitializeAsync() => embedded.InitializeAsync();

    public Task DisposeAsync() => embedded.DisposeAsync();

    [Fact]
    public async Task An_entry_rewritten_in_the_sqlite_file_fails_verification()
    {
        var honest = await gateway.Http.GetOk("/audit/verify");
        Assert.True(honest.GetProperty("verified").GetBoolean(), honest.GetRawText());
        Assert.Equal(5, honest.GetProperty("entries").GetInt64());
        var head = await gateway.Http.GetOk("/audit/head");

        // Bob's fed balance (entry 4) is rewritten to a larger one; seq, hashes and everything else stay as stored.
        await gateway.RestartAsync(() => Task.Run(() => Tamper(4, e => e with { Detail = "btk balance 1000000 at 0" })));
        var served = await gateway.Http.GetOk("/audit?offset=3&limit=1");
        Assert.Equal("btk balance 1000000 at 0", served.GetProperty("items")[0].Str("detail"));

        var verdict = await gateway.Http.GetOk("/audit/verify");
        Assert.False(verdict.GetProperty("verified").GetBoolean());
        Assert.Equal(4, verdict.GetProperty("firstBrokenSeq").GetInt64());
        Assert.Contains("entry 4's fields hash to", verdict.Str("problem"));
        Assert.Equal(head.Str("hash"), (await gateway.Http.GetOk("/audit/head")).Str("hash"));
    }

    /// <summary>Rewrites one entry of audit page 0 in place, through SQLite alone.</summary>
    private void Tamper(long seq, Func<AuditEntry, AuditEntry> change)
    {
        using var services = new ServiceCollection()
            .AddSerializer(s => s.AddAssembly(typeof(AuditEntry).Assembly).AddAssembly(typeof(AuditPageState).Assembly))
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer<AuditPageState>>();
        var file = Path.Combine(embedded.Data.Path, "governance.db");
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        db.Open();
        using var select = db.CreateCommand();
        select.CommandText = "SELECT grain_id, payload FROM grain_state WHERE state_name = 'audit-page'";
        string grain;
        AuditPageState page;
        using (var reader = select.ExecuteReader())
        {
            Assert.True(reader.Read());
            (grain, page) = (reader.GetString(0), serializer.Deserialize((byte[])reader.GetValue(1))!);
            Assert.False(reader.Read());
        }
        var index = page.Entries.FindIndex(e => e.Seq == seq);
        page.Entries[index] = change(page.Entries[index]);
        using var update = db.CreateCommand();
        update.CommandText = "UPDATE grain_state SET payload = $payload WHERE state_name = 'audit-page' AND grain_id = $grain";
        update.Parameters.AddWithValue("$payload", serializer.SerializeToArray(page));
        update.Parameters.AddWithValue("$grain", grain);
        Assert.Equal(1, update.ExecuteNonQuery());
    }
}
