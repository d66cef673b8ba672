using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The audit log over real HTTP, on a Gateway of its own so the log holds only this test's acts: every privileged act —
/// operator calls by a named key, signed role changes, personhood, cancel, veto, moderation, executions that succeed and
/// fail, constitution versions — is read back in order with its actor, act, subject and trace id, filtered, exported
/// and verified.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class AuditLogTests : IAsyncLifetime
{
    private const string Dao = ApiScenario.Dao;
    private const string TreasurerKey = "treasurer-key";
    private static readonly TestKey Person = new("audited-person");

    private readonly GatewayFixture gateway = GatewayFixture.With(new Dictionary<string, string?>
    {
        ["Gateway:OperatorKeys:0:Name"] = "treasurer",
        ["Gateway:OperatorKeys:0:Sha256"] = OperatorApiKey.HashOf(TreasurerKey),
        ["Gateway:OperatorKeys:0:Scopes:0"] = "deposits",
    });

    public Task InitializeAsync() => gateway.InitializeAsync();

    public Task DisposeAsync() => gateway.DisposeAsync();

    private HttpClient Http => gateway.Http;

    private async Task Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) =>
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private Task<HttpResponseMessage> Signed(string path, TestKey signer, string type, JsonObject message) =>
        Http.PostAsync(path, Json.Content(TypedDataSigner.Envelope(signer, type, message)));

    private async Task<List<JsonElement>> Entries(string query = "")
    {
        var page = await Http.GetOk("/audit?limit=200" + query);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task Every_privileged_act_is_logged_in_order_with_who_what_and_the_trace_id()
    {
        // The scenario founded the DAO and fed three balances with the development key.
        var founding = await Entries();
        Assert.Equal(["dao.founded", "constitution.adopted", "balance.recorded", "balance.recorded", "balance.recorded"],
            founding.Select(e => e.Str("act")));
        Assert.All(founding, e => (e.Str("actorKind"), e.Str("actor")).Equals(("operatorKey", "operator")));
        Assert.Equal(Dao, founding[0].Str("subject"));

        // A named key's deposit, traced by the caller: the entry names the key and carries the caller's W3C trace id.
        const string trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        var deposit = new HttpRequestMessage(HttpMethod.Post, $"/daos/{Dao}/deposits")
        {
            Content = Json.Content(new JsonObject { ["reference"] = "wire-7", ["asset"] = "usdc", ["amount"] = "5000" }),
        };
        deposit.Headers.Add("X-Api-Key", TreasurerKey);
        deposit.Headers.Add("traceparent", $"00-{trace}-00f067aa0ba902b7-01");
        await Ok(await Http.SendAsync(deposit));
        // The same reference again credits nothing and logs nothing.
        await Ok(await Http.SendAsync(gateway.Operator(HttpMethod.Post, $"/daos/{Dao}/deposits",
            new JsonObject { ["reference"] = "wire-7", ["asset"] = "usdc", ["amount"] = "5000" })));
        await Ok(await Http.SendAsync(gateway.Operator(HttpMethod.Post, "/reputation/awards", new JsonObject
        {
            ["domain"] = Dao, ["address"] = TestKey.Alice.Address, ["cause"] = "mentoring-1", ["amount"] = "10",
        })), HttpStatusCode.Created);

        await Ok(await Signed($"/daos/{Dao}/committee", TestKey.Carol, "CommitteeChange",
            Messages.CommitteeChange(TestKey.Carol, Dao, TestKey.Bob, true, gateway.Now)));
        await Ok(await Signed($"/daos/{Dao}/moderators", TestKey.Bob, "ModeratorChange",
            Messages.ModeratorChange(TestKey.Bob, Dao, TestKey.Alice, true, gateway.Now)));
        await Ok(await Signed($"/daos/{Dao}/personhood", TestKey.Bob, "Attestation",
            Messages.Attestation(TestKey.Bob, Dao, Person.Checksummed, true, gateway.Now)));
        gateway.Clock.Advance(TimeSpan.FromSeconds(1));
        await Ok(await Signed($"/daos/{Dao}/personhood", TestKey.Bob, "Attestation",
            Messages.Attestation(TestKey.Bob, Dao, Person.Checksummed, false, gateway.Now)));

        var canceled = await gateway.Scenario.Propose();
        await Ok(await Signed($"/proposals/{canceled}/cancel", TestKey.Carol, "Cancel",
            Messages.Cancel(TestKey.Carol, canceled, gateway.Now)));

        // Three proposals pass: one amends the constitution, one is vetoed, one cannot pay (the treasury holds no btk).
        var amended = ApiScenario.GeneralClass();
        amended["proposalThreshold"] = "1";
        var amend = new JsonArray(new JsonObject
        {
            ["type"] = "amendConstitution", ["constitution"] = new JsonObject { ["classes"] = new JsonArray(amended) },
        }).ToJsonString();
        var pay = new JsonArray(new JsonObject
        {
            ["type"] = "treasuryTransfer", ["asset"] = ApiScenario.Token, ["to"] = TestKey.Bob.Address, ["amount"] = "1",
        }).ToJsonString();
        var amending = await gateway.Scenario.ProposeActive(amend);
        var vetoed = await gateway.Scenario.ProposeActive();
        var unpaid = await gateway.Scenario.ProposeActive(pay);
        foreach (var id in new[] { amending, vetoed, unpaid })
            await Ok(await Signed($"/proposals/{id}/ballots", TestKey.Alice, "Ballot", Messages.Ballot(TestKey.Alice, id, 1, gateway.Now)));
        gateway.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        foreach (var id in new[] { amending, vetoed, unpaid })
            await Eventually.Until(async () => (await Http.GetOk($"/proposals/{id}")).Str("state"), s => s == "queued",
                what: $"{id} queued");

        await Ok(await Signed($"/proposals/{vetoed}/veto", TestKey.Carol, "Veto", Messages.Veto(TestKey.Carol, vetoed, gateway.Now)));
        await Ok(await Signed($"/daos/{Dao}/moderation", TestKey.Alice, "Moderation", new JsonObject
        {
            ["moderator"] = TestKey.Alice.Checksummed, ["dao"] = Dao, ["proposal"] = vetoed,
            ["voter"] = Blocktrack.Grains.Interfaces.Addresses.Zero,
            ["hidden"] = true, ["reason"] = "duplicate", ["timestamp"] = gateway.Now,
        }));

        gateway.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        await Eventually.Until(async () => (await Entries()).Count, n => n == 17, what: "the executions' entries");

        var log = await Entries();
        var acts = log.Select(e => (e.Str("act"), e.Str("actorKind"), e.Str("actor"), e.Str("subject"))).ToList();
        Assert.Equal<(string, string, string, string)>(
        [
            ("deposit.recorded", "operatorKey", "treasurer", Dao),
            ("reputation.awarded", "operatorKey", "operator", TestKey.Alice.Address),
            ("committee.changed", "signer", TestKey.Carol.Address, Dao),
            ("moderator.changed", "signer", TestKey.Bob.Address, Dao),
            ("personhood.attested", "signer", TestKey.Bob.Address, Person.Address),
            ("personhood.revoked", "signer", TestKey.Bob.Address, Person.Address),
            ("proposal.canceled", "signer", TestKey.Carol.Address, canceled),
            ("proposal.vetoed", "signer", TestKey.Carol.Address, vetoed),
            ("moderation.recorded", "signer", TestKey.Alice.Address, vetoed),
        ], acts[5..14]);
        // The two executions run side by side; each DAO change is logged after the execution that made it.
        var executions = acts[14..];
        Assert.Equal(
            [
                ("constitution.adopted", amending, Dao), ("proposal.executed", amending, amending),
                ("proposal.execution-failed", unpaid, unpaid),
            ],
            executions.Select(a => (a.Item1, a.Item3, a.Item4)).Order());
        Assert.All(executions, a => Assert.Equal("proposal", a.Item2));
        Assert.True(executions.FindIndex(a => a.Item1 == "proposal.executed")
                    < executions.FindIndex(a => a.Item1 == "constitution.adopted"));
        Assert.Contains("version 2", log.Single(e => e.Str("act") == "constitution.adopted" && e.Str("actor") == amending).Str("detail"));

        Assert.Equal(trace, log[5].Str("traceId"));
        Assert.All(log.Take(14), e => Assert.False(string.IsNullOrEmpty(e.Str("traceId"))));
        Assert.Equal(Enumerable.Range(1, 17).Select(i => (long)i), log.Select(e => e.GetProperty("seq").GetInt64()));
        for (var i = 1; i < log.Count; i++) Assert.Equal(log[i - 1].Str("hash"), log[i].Str("previousHash"));

        await Reads_filter_export_and_verify(log);
    }

    private async Task Reads_filter_export_and_verify(List<JsonElement> log)
    {
        Assert.Equal(["proposal.vetoed"], (await Entries("&act=proposal.vetoed")).Select(e => e.Str("act")));
        var carol = await Entries($"&actor={TestKey.Carol.Checksummed}");
        Assert.Equal(["committee.changed", "proposal.canceled", "proposal.vetoed"], carol.Select(e => e.Str("act")));
        var page = await Http.GetOk($"/audit?subject={Dao}&offset=1&limit=2");
        Assert.Equal(6, page.GetProperty("total").GetInt64());
        Assert.Equal(["constitution.adopted", "deposit.recorded"], page.GetProperty("items").EnumerateArray().Select(e => e.Str("act")));
        var from = log[14].Str("at");
        Assert.Equal(3, (await Entries($"&from={Uri.EscapeDataString(from)}")).Count);
        Assert.Empty(await Entries($"&to={Uri.EscapeDataString(log[0].Str("at"))}"));
        await ProblemAssert.Is(await Http.GetAsync("/audit?from=yesterday"), HttpStatusCode.BadRequest, "invalid-argument");

        var json = await Json.Read(await Http.GetAsync("/audit/export"));
        Assert.Equal(log.Select(e => e.GetRawText()), json.EnumerateArray().Select(e => e.GetRawText()));
        var csv = await Http.GetAsync("/audit/export?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(18, lines.Length);
        Assert.Equal("seq,at,actorKind,actor,act,subject,detail,traceId,cause,previousHash,hash", lines[0]);
        Assert.EndsWith("," + log[^1].Str("hash"), lines[^1]);

        var head = await Http.GetOk("/audit/head");
        Assert.Equal(17, head.GetProperty("seq").GetInt64());
        Assert.Equal(log[^1].Str("hash"), head.Str("hash"));
        var verified = await Http.GetOk("/audit/verify");
        Assert.True(verified.GetProperty("verified").GetBoolean(), verified.GetRawText());
        Assert.Equal(17, verified.GetProperty("entries").GetInt64());
        Assert.Equal(head.Str("hash"), verified.Str("recomputedHash"));
    }
}
