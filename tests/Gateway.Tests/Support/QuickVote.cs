using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// A DAO of a test's own whose class votes for ten seconds, so a test can run a vote to its close by moving the shared
/// clock a few seconds (messages signed with the real time stay fresh). Voters vote with the scenario's token.
/// </summary>
public sealed class QuickVote(GatewayFixture gateway, string dao, string counting = "basic", TestKey? moderator = null)
{
    public const string ClassName = "quick";
    public static readonly TimeSpan VotingPeriod = TimeSpan.FromSeconds(10);

    public string Dao => dao;

    /// <summary>The constitution's participation section (a rewards programme), if the DAO is to have one.</summary>
    public JsonObject? Participation { get; init; }

    /// <summary>What the DAO's treasury holds of the scenario's token at its founding.</summary>
    public long Treasury { get; init; }

    /// <summary>The class's timelock; the scenario's general class waits a day.</summary>
    public TimeSpan? TimelockDelay { get; init; }

    /// <summary>The DAO's committee members.</summary>
    public IReadOnlyList<TestKey> Committee { get; init; } = [];

    /// <summary>The constitution's SDG section, if any.</summary>
    public JsonObject? Sdg { get; init; }

    /// <summary>Creates the DAO and gives every extra voter a delegated balance (the scenario's voters already have one).</summary>
    public async Task CreateAsync(IReadOnlyDictionary<TestKey, long> extraVoters)
    {
        var quick = ApiScenario.GeneralClass();
        quick["name"] = ClassName;
        quick["votingPeriod"] = VotingPeriod.ToString("c");
        quick["counting"] = counting;
        if (TimelockDelay is { } timelock) quick["timelockDelay"] = timelock.ToString("c");
        var constitution = new JsonObject { ["classes"] = new JsonArray(quick) };
        if (Participation is not null) constitution["participation"] = Participation.DeepClone();
        if (Sdg is not null) constitution["sdg"] = Sdg.DeepClone();
        var created = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/daos", new JsonObject
        {
            ["path"] = dao,
            ["request"] = new JsonObject
            {
                ["displayName"] = dao,
                ["constitution"] = constitution,
                ["treasury"] = Treasury == 0 ? new JsonObject() : new JsonObject { [ApiScenario.Token] = Treasury.ToString() },
                ["roles"] = new JsonObject
                {
                    ["coordinators"] = new JsonArray(TestKey.Carol.Checksummed),
                    ["committee"] = new JsonArray([.. Committee.Select(k => (JsonNode)k.Address)]),
                    ["moderators"] = moderator is null ? new JsonArray() : new JsonArray(moderator.Address),
                },
            },
        }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        foreach (var (voter, balance) in extraVoters)
        {
            var fed = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, $"/voters/{voter.Address}/balances",
                new JsonObject { ["token"] = ApiScenario.Token, ["timepoint"] = gateway.Now - 1, ["balance"] = balance.ToString() }));
            Assert.True(fed.StatusCode == HttpStatusCode.OK, await fed.Content.ReadAsStringAsync());
            var delegated = await gateway.Http.PostAsync($"/voters/{voter.Checksummed}/delegate", Json.Content(
                TypedDataSigner.Envelope(voter, "Delegation", Messages.Delegation(voter, voter.Checksummed, gateway.Now))));
            Assert.True(delegated.StatusCode == HttpStatusCode.OK, await delegated.Content.ReadAsStringAsync());
        }
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
    }

    /// <summary>A proposal by Carol, open for voting; returns its id.</summary>
    public async Task<string> ProposeActive(string title, string actions = "[]")
    {
        var response = await gateway.Http.PostAsync($"/daos/{dao}/proposals", Json.Content(TypedDataSigner.Envelope(TestKey.Carol,
            "Proposal", Messages.Proposal(TestKey.Carol, dao, title, gateway.Now, actions, ClassName))));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await Json.Read(response)).Str("id");
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.Until(async () => (await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}"))).Str("state"),
            state => state == "active", what: $"{id} to become active");
        return id;
    }

    /// <summary>A choice proposal by Carol (choices without actions), open for voting; returns its id.</summary>
    public async Task<string> ProposeChoicesActive(string title, params string[] labels)
    {
        var choices = new JsonArray([.. labels.Select(l => (JsonNode)new JsonObject { ["label"] = l, ["actions"] = new JsonArray() })]);
        var message = new JsonObject
        {
            ["proposer"] = TestKey.Carol.Checksummed, ["dao"] = dao, ["class"] = ClassName, ["title"] = title,
            ["description"] = "", ["choices"] = choices.ToJsonString(), ["timestamp"] = gateway.Now,
        };
        var response = await gateway.Http.PostAsync($"/daos/{dao}/choice-proposals",
            Json.Content(TypedDataSigner.Envelope(TestKey.Carol, "ChoiceProposal", message)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await Json.Read(response)).Str("id");
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.Until(async () => (await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}"))).Str("state"),
            state => state == "active", what: $"{id} to become active");
        return id;
    }

    /// <summary>Casts a signed choice ballot (choices from 1) and requires it counted.</summary>
    public async Task VoteChoices(string proposal, TestKey voter, int[] choices, int[] weights)
    {
        var message = new JsonObject
        {
            ["voter"] = voter.Checksummed, ["proposal"] = proposal,
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)c)]), ["weights"] = new JsonArray([.. weights.Select(w => (JsonNode)w)]),
            ["reason"] = "", ["timestamp"] = gateway.Now,
        };
        var response = await gateway.Http.PostAsync($"/proposals/{proposal}/choice-ballots",
            Json.Content(TypedDataSigner.Envelope(voter, "ChoiceBallot", message)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Casts a signed basic ballot and requires it counted.</summary>
    public async Task Vote(string proposal, TestKey voter, int support, string reason = "")
    {
        var response = await gateway.Http.PostAsync($"/proposals/{proposal}/ballots", Json.Content(
            TypedDataSigner.Envelope(voter, "Ballot", Messages.Ballot(voter, proposal, support, gateway.Now, reason))));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Moves the clock past the deadline and waits until the ballots are sealed and the hash published.</summary>
    public async Task<JsonElement> Close(string proposal)
    {
        gateway.Clock.Advance(VotingPeriod + TimeSpan.FromSeconds(1));
        return await Eventually.Until(async () => await Json.Read(await gateway.Http.GetAsync($"/proposals/{proposal}")),
            p => p.GetProperty("ballotSetHash").ValueKind == JsonValueKind.String, what: $"{proposal} to publish its ballot-set hash");
    }
}
