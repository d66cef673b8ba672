using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// A grant program over real HTTP with ethers-signed messages: opened by an executed proposal, an application signed by its
/// applicant, reviews and milestone reviews by committee members, a milestone submission by the grantee; every refusal a
/// problem document with its code; the SDG report counting it all.
/// </summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class GrantEndpointTests(GatewayFixture gateway)
{
    private const string Dao = "grants-api";
    private const string Program = $"/daos/{Dao}/programs/1";

    private Task<IReadOnlyList<EthersResult>> Send(params EthersRequest[] requests) =>
        EthersSender.Send(gateway, "the ethers-signed grant messages", requests);

    private JsonObject Review(TestKey reviewer, string decision, string reason = "reviewed") => new()
    {
        ["reviewer"] = reviewer.Checksummed, ["dao"] = Dao, ["program"] = 1, ["grant"] = 1, ["decision"] = decision,
        ["reason"] = reason, ["timestamp"] = gateway.Now,
    };

    private JsonObject MilestoneReview(TestKey reviewer, int milestone, bool approved) => new()
    {
        ["reviewer"] = reviewer.Checksummed, ["dao"] = Dao, ["program"] = 1, ["grant"] = 1, ["milestone"] = milestone,
        ["approved"] = approved, ["reason"] = "evidence checked", ["timestamp"] = gateway.Now,
    };

    private JsonObject Application(long now) => new()
    {
        ["applicant"] = TestKey.Carol.Checksummed, ["dao"] = Dao, ["program"] = 1, ["title"] = "Teacher training in Nairobi",
        ["description"] = "Two cohorts of **teachers**", ["amount"] = "3000", ["recipient"] = TestKey.Carol.Checksummed,
        ["milestones"] = new JsonArray(
            new JsonObject { ["description"] = "First cohort", ["shareBps"] = 4000, ["due"] = now + 86_400 },
            new JsonObject { ["description"] = "Second cohort", ["shareBps"] = 6000, ["due"] = now + 2 * 86_400 }).ToJsonString(),
        ["sdgs"] = new JsonArray(4, 10), ["timestamp"] = now,
    };

    [Fact]
    public async Task A_grant_is_applied_for_reviewed_delivered_and_paid_over_signed_requests()
    {
        var quick = new QuickVote(gateway, Dao)
        {
            Treasury = 10_000, TimelockDelay = TimeSpan.Zero, Committee = [TestKey.Alice, TestKey.Bob],
            Sdg = new JsonObject { ["periodSeconds"] = 31_536_000, ["caps"] = new JsonArray(new JsonObject
            {
                ["goal"] = 4, ["asset"] = ApiScenario.Token, ["amount"] = "6000",
            }) },
        };
        await quick.CreateAsync(new Dictionary<TestKey, long>());
        var now = gateway.Now;
        var open = new JsonArray(new JsonObject
        {
            ["type"] = "openGrantProgram",
            ["terms"] = new JsonObject
            {
                ["name"] = "Education grants", ["asset"] = ApiScenario.Token, ["budget"] = "5000", ["applicationsOpen"] = now,
                ["applicationsClose"] = now + 86_400, ["endsAt"] = now + 10 * 86_400, ["approvals"] = 2, ["maxGrant"] = "4000",
                ["sdgs"] = new JsonArray(4),
            },
        }).ToJsonString();
        var id = await quick.ProposeActive("Open the education grants", open);
        await quick.Vote(id, TestKey.Alice, 1);
        await quick.Close(id);
        await Eventually.Until(() => gateway.Http.GetOk($"/proposals/{id}"), p => p.Str("state") == "executed", what: $"{id} executed");
        var programs = await gateway.Http.GetOk($"/daos/{Dao}/programs");
        Assert.Equal(1, programs.GetProperty("total").GetInt64());
        Assert.Equal("5000", programs.GetProperty("items")[0].GetProperty("ledger").Str("free"));
        Assert.Equal("5000", (await gateway.Http.GetOk($"/daos/{Dao}")).GetProperty("treasury").Str(ApiScenario.Token));

        var applied = await Send(
            new EthersRequest($"{Program}/applications", "GrantApplication", TestKey.Carol, Application(gateway.Now)),
            new EthersRequest($"/daos/{Dao}/programs/2/applications", "GrantApplication", TestKey.Carol, Application(gateway.Now)));
        Assert.True(applied[0].Status == 201, applied[0].Body.ToJsonString());
        Assert.Equal(("pending", "1200"), (applied[0].Body["status"]!.GetValue<string>(),
            applied[0].Body["milestones"]![0]!["amount"]!.GetValue<string>()));
        Assert.Equal((400, "grant-mismatch"), (applied[1].Status, applied[1].Body["code"]!.GetValue<string>()));

        var reviews = await Send(
            new EthersRequest($"{Program}/grants/1/reviews", "GrantReview", TestKey.Mallory, Review(TestKey.Mallory, "approve")),
            new EthersRequest($"{Program}/grants/1/reviews", "GrantReview", TestKey.Alice, Review(TestKey.Alice, "approve")),
            new EthersRequest($"{Program}/grants/1/reviews", "GrantReview", TestKey.Alice, Review(TestKey.Alice, "maybe")),
            new EthersRequest($"{Program}/grants/1/reviews", "GrantReview", TestKey.Bob, Review(TestKey.Bob, "approve", "good plan")));
        Assert.Equal((403, "not-authorized"), (reviews[0].Status, reviews[0].Body["code"]!.GetValue<string>()));
        Assert.Equal((200, "pending"), (reviews[1].Status, reviews[1].Body["status"]!.GetValue<string>()));
        Assert.Equal((400, "invalid-argument"), (reviews[2].Status, reviews[2].Body["code"]!.GetValue<string>()));
        Assert.Equal((200, "active"), (reviews[3].Status, reviews[3].Body["status"]!.GetValue<string>()));
        var ledger = (await gateway.Http.GetOk(Program)).GetProperty("ledger");
        Assert.Equal(("2000", "3000"), (ledger.Str("free"), ledger.Str("reserved")));

        var submission = new JsonObject
        {
            ["grantee"] = TestKey.Carol.Checksummed, ["dao"] = Dao, ["program"] = 1, ["grant"] = 1, ["milestone"] = 0,
            ["evidence"] = "https://example.org/cohort-1", ["evidenceHash"] = "0x" + new string('c', 64), ["timestamp"] = gateway.Now,
        };
        var delivered = await Send(
            new EthersRequest($"{Program}/grants/1/milestones/0", "MilestoneSubmission", TestKey.Bob,
                Grantee((JsonObject)submission.DeepClone(), TestKey.Bob)),
            new EthersRequest($"{Program}/grants/1/milestones/0", "MilestoneSubmission", TestKey.Carol, submission),
            new EthersRequest($"{Program}/grants/1/milestones/0", "MilestoneSubmission", TestKey.Carol, submission),
            new EthersRequest($"{Program}/grants/1/milestones/0/reviews", "MilestoneReview", TestKey.Alice,
                MilestoneReview(TestKey.Alice, 0, true)),
            new EthersRequest($"{Program}/grants/1/milestones/0/reviews", "MilestoneReview", TestKey.Bob,
                MilestoneReview(TestKey.Bob, 0, true)));
        Assert.Equal((403, "not-authorized"), (delivered[0].Status, delivered[0].Body["code"]!.GetValue<string>()));
        Assert.Equal(200, delivered[1].Status);
        Assert.Equal((409, "replayed"), (delivered[2].Status, delivered[2].Body["code"]!.GetValue<string>()));
        Assert.Equal(200, delivered[3].Status);
        Assert.True(delivered[4].Status == 200, delivered[4].Body.ToJsonString());
        var grant = delivered[4].Body;
        Assert.Equal(("paid", "1200"), (grant["milestones"]![0]!["status"]!.GetValue<string>(), grant["paid"]!.GetValue<string>()));
        Assert.Contains(grant["history"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "milestone-paid");

        var fetched = await gateway.Http.GetOk($"{Program}/grants/1");
        Assert.Equal("0x" + new string('c', 64), fetched.GetProperty("milestones")[0].Str("evidenceHash"));
        await ProblemAssert.Is(await gateway.Http.GetAsync($"{Program}/grants/9"), (HttpStatusCode)404, "grant-not-found");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/{Dao}/programs/7"), (HttpStatusCode)404, "program-not-found");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/{Dao}/programs/x"), (HttpStatusCode)400, "invalid-argument");

        var sdg = await gateway.Http.GetOk($"/daos/{Dao}/sdg");
        var goals = sdg.GetProperty("goals").EnumerateArray().ToDictionary(g => g.GetProperty("goal").GetInt32());
        Assert.Equal(("5000", "1200", 1), (goals[4].GetProperty("allocated").Str(ApiScenario.Token),
            goals[4].GetProperty("paid").Str(ApiScenario.Token), goals[4].GetProperty("grants").GetInt32()));
        Assert.Equal("3000", goals[10].GetProperty("allocated").Str(ApiScenario.Token));
        Assert.Equal(1, goals[4].GetProperty("proposals").GetInt32());
        Assert.Equal("6000", sdg.GetProperty("caps")[0].Str("amount"));
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/{Dao}/sdg?period=-1"), (HttpStatusCode)400, "invalid-argument");
    }

    private static JsonObject Grantee(JsonObject message, TestKey who)
    {
        message["grantee"] = who.Checksummed;
        return message;
    }
}
