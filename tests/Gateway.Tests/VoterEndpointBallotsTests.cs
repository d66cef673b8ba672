using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// A voter's ballots across proposals over real HTTP: listed newest first once each proposal has closed and its sealed
/// ballots were read (never while it is open), paged, a reason a moderator hid withheld, and bad input refused.
/// </summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class VoterEndpointBallotsTests(GatewayFixture gateway)
{
    private static readonly TestKey Voter = new("ballot-history");

    [Fact]
    public async Task The_ballots_of_closed_proposals_are_listed_newest_first_and_paged()
    {
        var quick = new QuickVote(gateway, "ballot-history", moderator: TestKey.Bob);
        await quick.CreateAsync(new Dictionary<TestKey, long> { [Voter] = 1_000 });
        var first = await quick.ProposeActive("first");
        // Signed by ethers exactly as a wallet signs it.
        var sent = await EthersSender.Send(gateway, "the voter's ethers-signed ballot",
            new EthersRequest($"/proposals/{first}/ballots", "Ballot", Voter,
                Messages.Ballot(Voter, first, 1, gateway.Now, "for the record")));
        Assert.Equal(200, sent[0].Status);
        Assert.Equal(0, (await Page("dao=ballot-history")).GetProperty("total").GetInt32()); // open: not indexed yet
        await quick.Close(first);
        var second = await quick.ProposeActive("second");
        await quick.Vote(second, Voter, 0, "buy my tokens");
        var skipped = await quick.ProposeActive("third");
        await quick.Vote(skipped, TestKey.Alice, 1);
        await quick.Close(second);
        await quick.Close(skipped);
        var moderated = await gateway.Http.PostAsync($"/daos/{quick.Dao}/moderation", Json.Content(TypedDataSigner.Envelope(
            TestKey.Bob, "Moderation", new JsonObject
            {
                ["moderator"] = TestKey.Bob.Checksummed, ["dao"] = quick.Dao, ["proposal"] = second, ["voter"] = Voter.Address,
                ["hidden"] = true, ["reason"] = "advertising", ["timestamp"] = gateway.Now,
            })));
        Assert.True(moderated.StatusCode == HttpStatusCode.OK, await moderated.Content.ReadAsStringAsync());

        var all = await Eventually.Until(() => Page("dao=ballot-history"), p => p.GetProperty("total").GetInt32() == 2,
            what: "both ballots indexed");

        Assert.Equal((Voter.Address, "ballot-history", 0, 50), (all.Str("address"), all.Str("dao"),
            all.GetProperty("offset").GetInt32(), all.GetProperty("limit").GetInt32()));
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([second, first], items.Select(i => i.Str("proposal")));
        Assert.Equal(("ballot-history", "against", "", true), (items[0].Str("dao"), items[0].Str("support"),
            items[0].Str("reason"), items[0].GetProperty("reasonHidden").GetBoolean()));
        Assert.Equal(("for", "for the record", false, "1000"), (items[1].Str("support"), items[1].Str("reason"),
            items[1].GetProperty("reasonHidden").GetBoolean(), items[1].Str("weight")));
        Assert.True(items[0].GetProperty("closedAt").GetInt64() > items[1].GetProperty("closedAt").GetInt64());
        Assert.True(items[1].GetProperty("timestamp").GetInt64() > 0);

        var newest = await Page("dao=ballot-history&limit=1");
        Assert.Equal([second], Proposals(newest));
        Assert.Equal(2, newest.GetProperty("total").GetInt32());
        Assert.Equal([first], Proposals(await Page("dao=ballot-history&offset=1&limit=1")));
        Assert.Empty(Proposals(await Page("dao=ballot-history&offset=2")));
        // Another voter of the DAO has only the ballot it cast.
        Assert.Equal([skipped], Proposals(await Eventually.Until(() => Page("dao=ballot-history", TestKey.Alice.Address),
            p => p.GetProperty("total").GetInt32() == 1, what: "Alice's ballot indexed")));
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "invalid-argument")]
    [InlineData("dao=", HttpStatusCode.BadRequest, "invalid-argument")]
    [InlineData("dao=Not%20a%20path", HttpStatusCode.BadRequest, "invalid-dao-path")]
    [InlineData("dao=blocktrack&limit=0", HttpStatusCode.BadRequest, "invalid-argument")]
    [InlineData("dao=blocktrack&limit=201", HttpStatusCode.BadRequest, "invalid-argument")]
    [InlineData("dao=blocktrack&offset=-1", HttpStatusCode.BadRequest, "invalid-argument")]
    [InlineData("dao=blocktrack&offset=x", HttpStatusCode.BadRequest, "invalid-argument")]
    [InlineData("dao=no-such-dao", HttpStatusCode.NotFound, "dao-not-found")]
    public async Task Bad_input_is_refused_with_its_code(string query, HttpStatusCode status, string code)
    {
        var problem = await ProblemAssert.Is(await gateway.Http.GetAsync($"/voters/{Voter.Address}/ballots?{query}"), status, code);

        Assert.False(string.IsNullOrEmpty(problem.Str("detail")));
    }

    [Fact]
    public async Task A_malformed_address_is_refused()
    {
        await ProblemAssert.Is(await gateway.Http.GetAsync("/voters/0x12/ballots?dao=blocktrack"), HttpStatusCode.BadRequest,
            "invalid-address");
    }

    private async Task<JsonElement> Page(string query, string? address = null) =>
        await gateway.Http.GetOk($"/voters/{address ?? Voter.Address}/ballots?{query}");

    private static List<string> Proposals(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.Str("proposal"))];
}
