using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>The operator's reputation feed and public readings over HTTP.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ReputationTests(GatewayFixture gateway)
{
    private const string Dao = ApiScenario.Dao;
    private const long HalfLife = 90 * 86_400;

    private Task<HttpResponseMessage> Award(string address, string cause, string amount, long? at = null, string domain = Dao)
    {
        var body = new JsonObject { ["domain"] = domain, ["address"] = address, ["cause"] = cause, ["amount"] = amount };
        if (at is not null)
            body["at"] = at;
        return gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/reputation/awards", body));
    }

    private async Task<string> Reading(string address, long at) =>
        (await Json.Read(await gateway.Http.GetAsync($"/voters/{address}/reputation?domain={Dao}&at={at}"))).Str("reputation");

    [Fact]
    public async Task An_award_counts_once_per_cause_and_reads_decayed_at_any_timepoint()
    {
        var holder = new TestKey("reputation-1");
        var t0 = gateway.Now - 2 * HalfLife;

        var created = await Award(holder.Checksummed, "manual:gw-1", "1000000000000000000000", t0);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var award = await Json.Read(created);
        Assert.True(award.GetProperty("applied").GetBoolean());
        Assert.Equal(holder.Address, award.Str("address"));
        Assert.Equal("1000000000000000000000", award.Str("reputation"));
        Assert.Equal(t0, award.GetProperty("at").GetInt64());
        Assert.Equal($"/voters/{holder.Address}/reputation?domain={Dao}&at={t0}", created.Headers.Location?.OriginalString);

        var again = await Award(holder.Address, "manual:gw-1", "5", t0 + 1);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeated = await Json.Read(again);
        Assert.False(repeated.GetProperty("applied").GetBoolean());
        Assert.Equal("1000000000000000000000", repeated.Str("amount"));

        Assert.Equal("500000000000000000000", await Reading(holder.Address, t0 + HalfLife));
        Assert.Equal("250000000000000000000", await Reading(holder.Address, t0 + 2 * HalfLife));
        Assert.Equal("0", await Reading(holder.Address, t0 - 1));
        var view = await Json.Read(await gateway.Http.GetAsync($"/voters/{holder.Checksummed}/reputation?domain={Dao}"));
        Assert.Equal(gateway.Now, view.GetProperty("at").GetInt64());
        Assert.Equal(Dao, view.Str("domain"));
    }

    [Fact]
    public async Task Awards_need_the_operator_key()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/reputation/awards")
        {
            Content = Json.Content(new JsonObject
            {
                ["domain"] = Dao, ["address"] = TestKey.Mallory.Address, ["cause"] = "manual:no-key", ["amount"] = "9",
            }),
        };

        await ProblemAssert.Is(await gateway.Http.SendAsync(request), HttpStatusCode.Unauthorized, "api-key-invalid");
        Assert.Equal("0", await Reading(TestKey.Mallory.Address, gateway.Now));
    }

    [Fact]
    public async Task Bad_awards_and_readings_are_refused_with_their_codes()
    {
        var holder = new TestKey("reputation-2");
        Assert.Equal(HttpStatusCode.Created, (await Award(holder.Address, "manual:gw-2", "10", gateway.Now)).StatusCode);

        var (conflict, bad, missing) = (HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        await ProblemAssert.Is(await Award(holder.Address, "manual:gw-3", "10", gateway.Now - 1), conflict, "stale-timepoint");
        await ProblemAssert.Is(await Award(holder.Address, "manual:gw-4", "10", gateway.Now + 3_600), conflict, "stale-timepoint");
        await ProblemAssert.Is(await Award(holder.Address, "manual:gw-5", "0"), bad, "invalid-argument");
        await ProblemAssert.Is(await Award(holder.Address, "manual:gw-6", "-3"), bad, "invalid-argument");
        await ProblemAssert.Is(await Award(holder.Address, "manual:gw-7", "ten"), bad, "malformed-request");
        await ProblemAssert.Is(await Award(holder.Address, "", "10"), bad, "invalid-argument");
        await ProblemAssert.Is(await Award("0x1234", "manual:gw-8", "10"), bad, "invalid-address");
        await ProblemAssert.Is(await Award(holder.Address, "manual:gw-9", "10", domain: "Nope"), bad, "invalid-dao-path");
        await ProblemAssert.Is(await Award(holder.Address, "manual:gw-10", "10", domain: "nowhere"), missing, "dao-not-found");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/voters/{holder.Address}/reputation"), bad, "invalid-argument");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/voters/{holder.Address}/reputation?domain={Dao}&at=-1"),
            HttpStatusCode.BadRequest, "invalid-argument");
        Assert.Equal("10", await Reading(holder.Address, gateway.Now));
    }

    [Fact]
    public async Task The_awards_endpoint_is_documented_as_an_operator_action()
    {
        var paths = (await Json.Read(await gateway.Http.GetAsync("/openapi/v1.json"))).GetProperty("paths");

        var award = paths.GetProperty("/reputation/awards").GetProperty("post");
        Assert.True(award.TryGetProperty("security", out _));
        var reading = paths.GetProperty("/voters/{address}/reputation").GetProperty("get");
        Assert.False(reading.TryGetProperty("security", out _));
        var personhood = paths.GetProperty("/daos/{path}/personhood/{address}").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => (p.Str("name"), p.Str("in"))).ToList();
        Assert.Equal([("path", "path"), ("address", "path"), ("at", "query")], personhood);
        Assert.Equal(JsonValueKind.Object, paths.GetProperty("/daos/{path}/personhood").GetProperty("post").ValueKind);
    }
}
