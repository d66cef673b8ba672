using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The analytics reports over real HTTP: a DAO of its own votes once (a signed ballot with a reason), then its report,
/// proposals, leaderboard, concentration and nudges are read as JSON and as CSV, and bad input is refused with its code.
/// </summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class AnalyticsEndpointTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_closed_vote_shows_in_every_report_as_json_and_csv()
    {
        // A voter with far more power than any other of the shared token, so it tops the leaderboard.
        var whale = new TestKey("analytics-whale");
        var quick = new QuickVote(gateway, "insights");
        await quick.CreateAsync(new Dictionary<TestKey, long> { [whale] = 1_000_000_000_000 });
        var proposal = await quick.ProposeActive("measured");
        await quick.Vote(proposal, whale, 1, "Worth it");
        await quick.Close(proposal);
        var analytics = $"/daos/{quick.Dao}/analytics";
        var report = await Eventually.Until(() => gateway.Http.GetOk(analytics),
            r => r.GetProperty("proposals").GetInt32() == 1 && r.GetProperty("pending").GetInt32() == 0, what: "the vote read");

        Assert.Equal(("all", 1, 1L, 1L), (report.Str("period"), report.GetProperty("passed").GetInt32(),
            report.GetProperty("uniqueVoters").GetInt64(), report.GetProperty("ballots").GetInt64()));
        Assert.Equal(1m, report.GetProperty("passRate").GetDecimal());
        var item = report.GetProperty("items")[0];
        Assert.Equal((proposal, "passed"), (item.Str("proposal"), item.Str("outcome")));
        var turnout = item.GetProperty("turnoutPpm").GetInt64();
        Assert.InRange(turnout, 1, 1_000_000);

        var month = DateTimeOffset.FromUnixTimeSeconds(item.GetProperty("closedAt").GetInt64()).UtcDateTime.ToString("yyyy-MM");
        var csv = await Csv($"{analytics}?period={month}&format=csv");
        Assert.StartsWith("dao,period,proposals,passed,noQuorum,rejected,canceled,passRate,", csv[0]);
        Assert.StartsWith($"insights,{month},1,1,0,0,0,1,", csv[1]);
        Assert.Equal(2, csv.Length);
        var proposals = await Csv($"{analytics}/proposals", accept: "text/csv");
        Assert.Equal($"{proposal},passed", string.Join(',', proposals[1].Split(',')[..2]));
        Assert.Equal(turnout.ToString(), proposals[1].Split(',')[6]);

        var board = await gateway.Http.GetOk($"{analytics}/delegates?limit=5&lastN=3");
        var top = board.GetProperty("delegates")[0];
        Assert.Equal((whale.Address, 1, 1L, 1m, 1m), (top.Str("address"), top.GetProperty("votedLastN").GetInt32(),
            top.GetProperty("lastN").GetInt64(), top.GetProperty("participation").GetDecimal(),
            top.GetProperty("rationaleRate").GetDecimal()));
        Assert.True(top.GetProperty("active").GetBoolean());
        var boardCsv = await Csv($"{analytics}/delegates?limit=5&format=csv");
        Assert.StartsWith($"{whale.Address},1000000000000,", boardCsv[1]);

        var concentration = await gateway.Http.GetOk($"{analytics}/concentration");
        Assert.Equal(ApiScenario.Token, concentration.Str("token"));
        Assert.True(concentration.GetProperty("holders").GetInt64() >= 1);
        Assert.InRange(concentration.GetProperty("gini").GetDecimal(), 0m, 1m);
        Assert.Equal(1, concentration.GetProperty("nakamoto").GetInt32()); // the whale alone holds more than half
        var past = await gateway.Http.GetOk($"{analytics}/concentration?at=0");
        Assert.Equal(0, past.GetProperty("holders").GetInt64());
        Assert.StartsWith("token,at,holders,votable,gini,nakamoto,hhi,hhiPoints", (await Csv($"{analytics}/concentration?format=csv"))[0]);

        var nudges = await gateway.Http.GetOk($"{analytics}/nudges?thresholdBps=10000&delegates=3");
        Assert.DoesNotContain(whale.Address, nudges.GetProperty("delegates").EnumerateArray().Select(d => d.Str("address")));
        Assert.Equal("kind,subject,detail,progress,deadline", (await Csv($"{analytics}/nudges?format=csv"))[0]);

        // The headline figures as Prometheus gauges, labelled by DAO and by token.
        var passRate = new Regex("^blocktrack_analytics_pass_rate\\w*\\{[^}]*dao=\"insights\"[^}]*\\} 1( |$)", RegexOptions.Multiline);
        var nakamoto = new Regex($"^blocktrack_analytics_power_nakamoto\\w*\\{{[^}}]*token=\"{ApiScenario.Token}\"[^}}]*\\}} 1( |$)",
            RegexOptions.Multiline);
        await Eventually.Until(() => gateway.Http.GetStringAsync("/metrics"), m => passRate.IsMatch(m) && nakamoto.IsMatch(m),
            what: "the analytics gauges");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_stable_codes()
    {
        var dao = $"/daos/{ApiScenario.Dao}/analytics";
        foreach (var period in new[] { "2026-13", "2026-1", "last-month", "1969-12" })
            await ProblemAssert.Is(await gateway.Http.GetAsync($"{dao}?period={period}"), HttpStatusCode.BadRequest, "invalid-period");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"{dao}?format=xml"), HttpStatusCode.BadRequest, "invalid-argument");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"{dao}/delegates?limit=0"), HttpStatusCode.BadRequest, "invalid-argument");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"{dao}/concentration?at=soon"), HttpStatusCode.BadRequest, "invalid-argument");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"{dao}/concentration?token=BAD!"), HttpStatusCode.BadRequest,
            "invalid-argument");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"{dao}/nudges?thresholdBps=10001"), HttpStatusCode.BadRequest,
            "invalid-argument");
        await ProblemAssert.Is(await gateway.Http.GetAsync("/daos/nowhere/analytics"), HttpStatusCode.NotFound, "dao-not-found");
    }

    private async Task<string[]> Csv(string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        var response = await gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
