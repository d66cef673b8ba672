using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// One reward epoch end to end over HTTP, on a Gateway of its own whose fake clock may run past an hour (the shared
/// Gateway's clock must stay near real time for the documented snippets): a signed proposal funds a rewards budget and
/// executes, its ballots and its passing become points, reputation equals the points, and once the epoch closes the
/// budget is shared by points, credited to each participant and debited from the treasury once.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class RewardsEndToEndTests : IAsyncLifetime
{
    private const long Hour = 3600;
    private readonly GatewayFixture gateway = GatewayFixture.With(new Dictionary<string, string?>());

    public Task InitializeAsync() => gateway.InitializeAsync();

    public Task DisposeAsync() => gateway.DisposeAsync();

    private Task<JsonElement> Ok(string url) => gateway.Http.GetOk(url);

    private Task<JsonElement> Participation(string dao, TestKey who, long? at = null) =>
        Ok($"/voters/{who.Address}/participation?dao={dao}" + (at is null ? "" : $"&at={at}"));

    private static List<(long Epoch, long Points)> Epochs(JsonElement view) =>
        [.. view.GetProperty("epochs").EnumerateArray()
            .Select(e => (e.GetProperty("epoch").GetInt64(), e.GetProperty("points").GetInt64()))];

    [Fact]
    public async Task A_funded_epoch_pays_its_participants_by_points_once()
    {
        // Start a few seconds into a fresh epoch, so the whole vote falls inside it whenever the test runs.
        gateway.Clock.Advance(TimeSpan.FromSeconds(Hour - gateway.Now % Hour + 5));
        var epoch = gateway.Now / Hour;
        var quick = new QuickVote(gateway, "rewarded")
        {
            Participation = ParticipationEndpointTests.HourlyProgramme(), Treasury = 10_000, TimelockDelay = TimeSpan.Zero,
        };
        await quick.CreateAsync(new Dictionary<TestKey, long>());
        var fund = new JsonArray(new JsonObject
        {
            ["type"] = "fundRewards", ["asset"] = ApiScenario.Token, ["amountPerEpoch"] = "700", ["epochs"] = 2,
        }).ToJsonString();
        var id = await quick.ProposeActive("Reward participation", fund);
        await quick.Vote(id, TestKey.Alice, 1, "Rewards bring voters back");
        await quick.Vote(id, TestKey.Bob, 1);
        await quick.Close(id);
        var executed = await Eventually.Until(() => Ok($"/proposals/{id}"), p => p.Str("state") == "executed", what: $"{id} executed");
        // Every award is dated at the fact that earned it: the proposal's close.
        var closedAt = DateTimeOffset.Parse(executed.Str("deadline")).ToUnixTimeSeconds();
        var rewards = await Eventually.Until(() => Ok($"/daos/{quick.Dao}/rewards"),
            r => r.GetProperty("ledger").GetProperty("proposalsClosed").GetInt64() == 1
                && r.GetProperty("ledger").GetProperty("pendingProposals").GetInt32() == 0, what: "participation ledger");

        // Alice: a ballot (1) and an original reason (2); Bob: a ballot; Carol proposed what passed (10).
        var alice = await Participation(quick.Dao, TestKey.Alice, closedAt);
        Assert.Equal((1, 3), (alice.GetProperty("ballots").GetInt64(), alice.GetProperty("totalPoints").GetInt64()));
        Assert.Equal([(epoch, 3L)], Epochs(alice));
        Assert.Equal("3", alice.Str("reputationAt")); // read at the award's second: no decay yet
        Assert.Equal(0, alice.GetProperty("rewards").GetArrayLength());
        Assert.Equal([(epoch, 1L)], Epochs(await Participation(quick.Dao, TestKey.Bob)));
        var carol = await Participation(quick.Dao, TestKey.Carol, closedAt);
        Assert.Equal((0, 1, 10), (carol.GetProperty("ballots").GetInt64(), carol.GetProperty("proposalsPassed").GetInt64(),
            carol.GetProperty("totalPoints").GetInt64()));
        Assert.Equal("10", carol.Str("reputationAt"));
        Assert.Equal("0", (await Participation(quick.Dao, TestKey.Carol, closedAt - 1)).Str("reputationAt"));

        // The executed proposal recorded a budget from this epoch on; nothing has left the treasury yet.
        Assert.Equal(epoch, rewards.GetProperty("currentEpoch").GetInt64());
        var budget = rewards.GetProperty("budgets").EnumerateArray().Single();
        Assert.Equal(("btk", "700", id), (budget.Str("asset"), budget.Str("amountPerEpoch"), budget.Str("fundedBy")));
        Assert.Equal((epoch, epoch + 1), (budget.GetProperty("firstEpoch").GetInt64(), budget.GetProperty("lastEpoch").GetInt64()));
        Assert.Equal("10000", await Treasury(quick.Dao));
        var open = await Ok($"/daos/{quick.Dao}/rewards/epochs/{epoch}");
        Assert.Equal(("open", 3, 14),
            (open.Str("state"), open.GetProperty("participants").GetInt64(), open.GetProperty("totalPoints").GetInt64()));
        Assert.Equal(0, open.GetProperty("allocation").GetArrayLength());
        Assert.Equal((epoch + 1) * Hour, DateTimeOffset.Parse(open.Str("end")).ToUnixTimeSeconds());

        // Past the epoch's end and its settling minute: it closes, draws 700 and shares it 10 : 3 : 1.
        gateway.Clock.Advance(TimeSpan.FromSeconds((epoch + 1) * Hour + 60 - gateway.Now + 1));
        var paid = await Eventually.Until(() => Ok($"/daos/{quick.Dao}/rewards/epochs/{epoch}"), e => e.Str("state") == "paid",
            what: $"epoch {epoch} paid");
        Assert.Equal([("btk", "700")], paid.GetProperty("budget").EnumerateArray().Select(d => (d.Str("asset"), d.Str("amount"))));
        Assert.Equal([(TestKey.Carol.Address, 10L, "500"), (TestKey.Alice.Address, 3L, "150"), (TestKey.Bob.Address, 1L, "50")],
            paid.GetProperty("allocation").EnumerateArray()
                .Select(s => (s.Str("address"), s.GetProperty("points").GetInt64(), s.GetProperty("amounts")[0].GetString())));
        var settlement = paid.GetProperty("settlements").EnumerateArray().Single();
        Assert.Equal(("700", "700", "0"), (settlement.Str("drawn"), settlement.Str("paid"), settlement.Str("returned")));
        Assert.Equal("9300", await Treasury(quick.Dao));

        var credited = (await Participation(quick.Dao, TestKey.Alice, closedAt)).GetProperty("rewards").EnumerateArray().Single();
        Assert.Equal((epoch, "btk", "150"), (credited.GetProperty("epoch").GetInt64(), credited.Str("asset"), credited.Str("amount")));
        Assert.Equal(JsonValueKind.Null, credited.GetProperty("transaction").ValueKind);
        // Reputation decays from the award on; read at the award's second it is still exactly the points.
        Assert.Equal("3", (await Participation(quick.Dao, TestKey.Alice, closedAt)).Str("reputationAt"));

        // The next epoch has a budget but nobody earned in it: it does not exist, and nothing more was drawn.
        Assert.Equal(epoch + 1, (await Ok($"/daos/{quick.Dao}/rewards")).GetProperty("currentEpoch").GetInt64());
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/{quick.Dao}/rewards/epochs/{epoch + 1}"),
            HttpStatusCode.NotFound, "epoch-not-found");
        gateway.Clock.Advance(TimeSpan.FromMinutes(20)); // the epoch's reminder may fire again: it pays nothing twice
        await Task.Delay(200);
        Assert.Equal("9300", await Treasury(quick.Dao));
        Assert.Single((await Participation(quick.Dao, TestKey.Carol)).GetProperty("rewards").EnumerateArray());
    }

    private async Task<string> Treasury(string dao) => (await Ok($"/daos/{dao}/treasury")).GetProperty("balances").Str("btk");
}
