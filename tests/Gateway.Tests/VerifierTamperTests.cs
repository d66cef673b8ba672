using Blocktrack.Grains.Interfaces;
using Blocktrack.Verifier;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The verify command on the embedded profile: an honest proposal verifies; then, with the Gateway stopped, one stored
/// ballot is rewritten in the SQLite ballot log itself (the append-only trigger dropped, as an attacker with the file
/// would), the Gateway restarts and serves the forged ballot — and the verifier refuses it, naming the ballot.
/// </summary>
[Trait("Category", TestCategory.Storage)]
public sealed class VerifierTamperTests(ITestOutputHelper log) : IAsyncLifetime
{
    private readonly EmbeddedGateway embedded = new();

    private GatewayFixture gateway => embedded.Gateway;

    public Task InitializeAsync() => embedded.InitializeAsync();

    public Task DisposeAsync() => embedded.DisposeAsync();

    [Fact]
    public async Task A_ballot_rewritten_in_the_sqlite_ballot_log_fails_verification()
    {
        var quick = new QuickVote(gateway, "tamper");
        var extra = TestKey.Many("tamper-voter", 5);
        await quick.CreateAsync(extra.Select((k, i) => (k, 20L + i)).ToDictionary(p => p.k, p => p.Item2));
        var id = await quick.ProposeActive("Honest until it is not");
        await quick.Vote(id, TestKey.Alice, 1);
        await quick.Vote(id, TestKey.Bob, 0, "against");
        await quick.Vote(id, TestKey.Carol, 2);
        foreach (var voter in extra) await quick.Vote(id, voter, 1);
        await quick.Close(id);

        var (honest, honestReport) = await Verify(id);
        Assert.True(honest == VerifierCommand.Verified, honestReport);

        // Bob's Against becomes For in the file; nothing else changes (his digest and signature stay as he signed them).
        var bob = TestKey.Bob.Address;
        await gateway.RestartAsync(() => Task.Run(() => Tamper(id, bob, b => b with { Support = Support.For })));
        var served = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/ballots?limit=200"));
        Assert.Contains(served.GetProperty("items").EnumerateArray(), b => b.Str("voter") == bob && b.Str("support") == "for");

        var (exit, report) = await Verify(id);
        log.WriteLine(report);

        Assert.True(exit == VerifierCommand.Mismatch, report);
        Assert.Contains($"[FAIL] {Audit.Digests}", report);
        Assert.Contains($"- {bob}: its Ballot fields hash to", report);
        Assert.Contains($"[FAIL] {Audit.Signatures}", report);
        Assert.Contains("1/8 signatures do not recover their voter", report);
        Assert.Contains($"[FAIL] {Audit.Recount}", report);
        Assert.Contains($"[FAIL] {Audit.SetHash}", report);
        // What the tamperer did not touch still checks out: the weights, and the shard roots match the (forged) log.
        Assert.Contains($"[ok  ] {Audit.Weights}", report);
        Assert.Contains($"[ok  ] {Audit.ShardRoots}", report);
        Assert.Contains("verdict: NOT VERIFIED — 4 of 8 checks failed", report);
    }

    private async Task<(int Exit, string Report)> Verify(string id)
    {
        var output = new StringWriter();
        var exit = await VerifierCommand.RunAsync(["verify", gateway.Http.BaseAddress!.ToString(), id], output, CancellationToken.None);
        return (exit, output.ToString());
    }

    /// <summary>Rewrites the voter's ballot in its row of the ballot log in place, through SQLite alone.</summary>
    private void Tamper(string proposal, string voter, Func<Ballot, Ballot> change)
    {
        using var serializers = new BallotSerializers();
        var rows = serializers.Rows;
        var file = Path.Combine(embedded.Data.Path, "governance.db");
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        db.Open();
        var stored = new List<(long Seq, Ballot[] Ballots)>();
        using (var select = db.CreateCommand())
        {
            select.CommandText = "SELECT seq, log_id, payload, ballot_count FROM ballots WHERE log_id LIKE $log";
            select.Parameters.AddWithValue("$log", proposal + "/%");
            using var reader = select.ExecuteReader();
            while (reader.Read())
                stored.Add((reader.GetInt64(0), rows.Decode(reader.GetString(1), (byte[])reader.GetValue(2), reader.GetInt32(3))));
        }
        var (seq, ballots) = stored.Single(r => r.Ballots.Any(b => b.Voter == voter));
        using var update = db.CreateCommand();
        update.CommandText = "DROP TRIGGER ballots_never_change; UPDATE ballots SET payload = $payload WHERE seq = $seq";
        update.Parameters.AddWithValue("$payload", rows.Encode([.. ballots.Select(b => b.Voter == voter ? change(b) : b)]));
        update.Parameters.AddWithValue("$seq", seq);
        Assert.Equal(1, update.ExecuteNonQuery());
    }
}
