using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The participation economy's readings over real HTTP on the shared Gateway: an address's participation, a DAO's rewards
/// programme and its epochs, their refusals, and the two signed actions (fundRewards, reverseModeration) in a proposal.
/// The shared clock is never moved here: a whole epoch is in <see cref="RewardsEndToEndTests"/>, on a Gateway of its own.
/// </summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ParticipationEndpointTests(GatewayFixture gateway)
{
    private const string Dao = ApiScenario.Dao;
    private const long Hour = 3600;

    private static int daos;

    /// <summary>A programme of hour-long epochs (the shortest a constitution allows).</summary>
    public static JsonObject HourlyProgramme() => new()
    {
        ["epochSeconds"] = Hour, ["votePoints"] = 1, ["reasonPoints"] = 2, ["proposalPassedPoints"] = 10, ["moderationPoints"] = 3,
        ["capPerEpoch"] = 100, ["minVotingPower"] = "0", ["appealWindowSeconds"] = 0, ["settleSeconds"] = 60,
    };

    private async Task<QuickVote> DaoWith(JsonObject? programme)
    {
        var quick = new QuickVote(gateway, $"participation{Interlocked.Increment(ref daos)}") { Participation = programme };
        await quick.CreateAsync(new Dictionary<TestKey, long>());
        return quick;
    }

    private Task<JsonElement> Ok(string url) => gateway.Http.GetOk(url);

    [Fact]
    public async Task Participation_without_a_dao_is_invalid_argument_and_an_unknown_dao_is_not_found()
    {
        var missing = await ProblemAssert.Is(await gateway.Http.GetAsync($"/voters/{TestKey.Alice.Address}/participation"),
            HttpStatusCode.BadRequest, "invalid-argument");
        Assert.Contains("'dao'", missing.Str("detail"));
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/voters/{TestKey.Alice.Address}/participation?dao="),
            HttpStatusCode.BadRequest, "invalid-argument");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/voters/{TestKey.Alice.Address}/participation?dao=nowhere"),
            HttpStatusCode.NotFound, "dao-not-found");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/voters/{TestKey.Alice.Address}/participation?dao=No_Such"),
            HttpStatusCode.BadRequest, "invalid-dao-path");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/voters/{TestKey.Alice.Address}/participation?dao={Dao}&at=-1"),
            HttpStatusCode.BadRequest, "invalid-argument");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/voters/0x1234/participation?dao={Dao}"),
            HttpStatusCode.BadRequest, "invalid-address");
    }

    [Fact]
    public async Task A_fresh_address_has_a_participation_of_zeros()
    {
        var fresh = new TestKey("participation-fresh");

        var view = await Ok($"/voters/{fresh.Checksummed}/participation?dao={Dao}&at={gateway.Now - 10}");

        Assert.Equal((Dao, fresh.Address), (view.Str("dao"), view.Str("address")));
        foreach (var count in new[] { "ballots", "proposalsPassed", "moderationsUpheld", "totalPoints" })
            Assert.Equal(0, view.GetProperty(count).GetInt64());
        foreach (var list in new[] { "epochs", "rewards", "badges" })
            Assert.Equal(0, view.GetProperty(list).GetArrayLength());
        Assert.Equal(("0", "0"), (view.Str("reputation"), view.Str("reputationAt")));
        Assert.Equal(gateway.Now - 10, view.GetProperty("at").GetInt64());
        var now = await Ok($"/voters/{fresh.Address}/participation?dao={Dao}");
        Assert.Equal(gateway.Now, now.GetProperty("at").GetInt64());
    }

    [Fact]
    public async Task A_dao_without_a_programme_shows_no_programme_and_no_current_epoch()
    {
        var quick = await DaoWith(null);

        var rewards = await Ok($"/daos/{quick.Dao}/rewards");

        Assert.Equal(quick.Dao, rewards.Str("dao"));
        Assert.Equal(JsonValueKind.Null, rewards.GetProperty("programme").ValueKind);
        Assert.Equal(JsonValueKind.Null, rewards.GetProperty("currentEpoch").ValueKind);
        Assert.Equal(0, rewards.GetProperty("budgets").GetArrayLength());
        Assert.Equal(0, rewards.GetProperty("ledger").GetProperty("proposalsClosed").GetInt64());
    }

    [Fact]
    public async Task A_dao_with_a_programme_shows_it_and_the_epoch_the_clock_is_in()
    {
        var quick = await DaoWith(HourlyProgramme());

        var rewards = await Ok($"/daos/{quick.Dao}/rewards");

        var programme = rewards.GetProperty("programme");
        Assert.Equal(Hour, programme.GetProperty("epochSeconds").GetInt64());
        Assert.Equal(60, programme.GetProperty("settleSeconds").GetInt64());
        Assert.Equal(100, programme.GetProperty("capPerEpoch").GetInt64());
        Assert.Equal(gateway.Now / Hour, rewards.GetProperty("currentEpoch").GetInt64());
        Assert.Equal(0, rewards.GetProperty("budgets").GetArrayLength());
        var ledger = rewards.GetProperty("ledger");
        Assert.Equal((0, 0, 0), (ledger.GetProperty("proposalsClosed").GetInt64(), ledger.GetProperty("pendingProposals").GetInt32(),
            ledger.GetProperty("pendingModerations").GetInt32()));
        await ProblemAssert.Is(await gateway.Http.GetAsync("/daos/nowhere/rewards"), HttpStatusCode.NotFound, "dao-not-found");
    }

    [Fact]
    public async Task An_epoch_nothing_was_earned_in_is_not_found_and_a_bad_number_is_invalid_argument()
    {
        var quick = await DaoWith(HourlyProgramme());
        var current = gateway.Now / Hour;

        var none = await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/{quick.Dao}/rewards/epochs/{current}"),
            HttpStatusCode.NotFound, "epoch-not-found");
        Assert.Contains(current.ToString(), none.Str("detail"));
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/{quick.Dao}/rewards/epochs/0"),
            HttpStatusCode.NotFound, "epoch-not-found");
        foreach (var bad in new[] { "abc", "-1", "1.5", "%2B3" })
            await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/{quick.Dao}/rewards/epochs/{bad}"),
                HttpStatusCode.BadRequest, "invalid-argument");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/nowhere/rewards/epochs/{current}"),
            HttpStatusCode.NotFound, "dao-not-found");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/{quick.Dao}/rewards/epochs/{current}?limit=0"),
            HttpStatusCode.BadRequest, "invalid-argument");
    }

    [Fact]
    public async Task A_signed_proposal_funding_rewards_and_upholding_an_appeal_is_accepted_with_its_actions()
    {
        var token = new TestKey("participation-token");
        var actions = new JsonArray(
            new JsonObject
            {
                ["type"] = "fundRewards", ["asset"] = "btk", ["amountPerEpoch"] = "250", ["epochs"] = 12, ["chain"] = 412346,
                ["token"] = token.Checksummed,
            },
            new JsonObject { ["type"] = "fundRewards", ["asset"] = "usdc", ["amountPerEpoch"] = "5", ["epochs"] = 1 },
            new JsonObject { ["type"] = "reverseModeration", ["seq"] = 3, ["reason"] = "the reason was on topic" }).ToJsonString();
        Assert.NotEqual(token.Address, token.Checksummed);

        var response = await gateway.Http.PostAsync($"/daos/{Dao}/proposals", Json.Content(TypedDataSigner.Envelope(TestKey.Carol,
            "Proposal", Messages.Proposal(TestKey.Carol, Dao, "fund rewards", gateway.Now, actions))));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await Json.Read(response)).Str("id");
        var read = (await Ok($"/proposals/{id}")).GetProperty("actions");
        Assert.Equal(3, read.GetArrayLength());
        Assert.Equal(("fundRewards", "btk", "250", 12), (read[0].Str("type"), read[0].Str("asset"), read[0].Str("amountPerEpoch"),
            read[0].GetProperty("epochs").GetInt32()));
        Assert.Equal((412346L, token.Address), (read[0].GetProperty("chain").GetInt64(), read[0].Str("token")));
        Assert.Equal(JsonValueKind.Null, read[1].GetProperty("token").ValueKind);
        Assert.Equal(("reverseModeration", 3L, "the reason was on topic"),
            (read[2].Str("type"), read[2].GetProperty("seq").GetInt64(), read[2].Str("reason")));
    }

    [Theory]
    [InlineData("[{\"type\":\"fundRewards\",\"asset\":\"btk\",\"amountPerEpoch\":\"0\",\"epochs\":4}]", "invalid-argument")]
    [InlineData("[{\"type\":\"fundRewards\",\"asset\":\"btk\",\"amountPerEpoch\":\"5\",\"epochs\":521}]", "invalid-argument")]
    [InlineData("[{\"type\":\"fundRewards\",\"asset\":\"btk\",\"amountPerEpoch\":\"5\",\"epochs\":4,\"chain\":412346}]",
        "invalid-argument")]
    [InlineData("[{\"type\":\"fundRewards\",\"asset\":\"btk\",\"amountPerEpoch\":\"5\",\"epochs\":4,\"chain\":1,\"token\":\"0x12\"}]",
        "invalid-address")]
    [InlineData("[{\"type\":\"reverseModeration\",\"seq\":0,\"reason\":\"x\"}]", "invalid-argument")]
    [InlineData("[{\"type\":\"reverseModeration\",\"seq\":1,\"reason\":\"\"}]", "invalid-argument")]
    public async Task A_malformed_reward_or_appeal_action_is_refused(string actions, string code)
    {
        var before = (await Ok($"/daos/{Dao}/proposals?limit=200")).GetProperty("total").GetInt32();

        var response = await gateway.Http.PostAsync($"/daos/{Dao}/proposals", Json.Content(TypedDataSigner.Envelope(TestKey.Carol,
            "Proposal", Messages.Proposal(TestKey.Carol, Dao, "malformed rewards", gateway.Now, actions))));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(before, (await Ok($"/daos/{Dao}/proposals?limit=200")).GetProperty("total").GetInt32());
    }
}
