using System.Net;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The governance world the tests vote in, set up entirely through the API: an operator founds a root DAO and feeds
/// balances, voters self-delegate with signed messages, and each test gets its own active proposal.
/// </summary>
public sealed class ApiScenario(GatewayFixture gateway)
{
    public const string Dao = "blocktrack";
    public const string ClassName = Messages.DefaultClass;
    public const string Token = Messages.DefaultToken;

    public static readonly IReadOnlyDictionary<TestKey, long> Balances = new Dictionary<TestKey, long>
    {
        [TestKey.Alice] = 1000,
        [TestKey.Bob] = 250,
        [TestKey.Carol] = 40,
    };

    private int proposals;

    public async Task InitializeAsync()
    {
        var created = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/daos", new JsonObject
        {
            ["path"] = Dao,
            ["request"] = new JsonObject
            {
                ["displayName"] = "Blocktrack DAO",
                ["constitution"] = new JsonObject { ["classes"] = new JsonArray(GeneralClass()) },
                ["roles"] = new JsonObject
                {
                    ["coordinators"] = new JsonArray(TestKey.Carol.Checksummed),
                    ["guardian"] = TestKey.Carol.Address,
                },
            },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        foreach (var (voter, balance) in Balances)
        {
            var fed = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, $"/voters/{voter.Address}/balances",
                new JsonObject { ["token"] = Token, ["timepoint"] = gateway.Now - 100, ["balance"] = balance.ToString() }));
            Assert.Equal(HttpStatusCode.OK, fed.StatusCode);
            var delegated = await gateway.Http.PostAsync($"/voters/{voter.Checksummed}/delegate", Json.Content(
                TypedDataSigner.Envelope(voter, "Delegation", Messages.Delegation(voter, voter.Checksummed, gateway.Now))));
            Assert.Equal(HttpStatusCode.OK, delegated.StatusCode);
        }

        // Checkpoints written "now" count from the next second on; move past it so snapshots see them.
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        foreach (var (voter, balance) in Balances)
        {
            await Eventually.Until(() => VotesOf(voter), v => v == balance, what: $"{voter}'s votes to reach {balance}");
        }
    }

    /// <summary>A fresh proposal by Carol, still pending (the clock has not passed its snapshot second); returns its id.</summary>
    public async Task<string> Propose(string actions = "[]")
    {
        var title = "Proposal " + Interlocked.Increment(ref proposals);
        var response = await gateway.Http.PostAsync($"/daos/{Dao}/proposals", Json.Content(
            TypedDataSigner.Envelope(TestKey.Carol, "Proposal", Messages.Proposal(TestKey.Carol, Dao, title, gateway.Now, actions))));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Json.Read(response)).Str("id");
        Assert.Equal($"/proposals/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>A fresh proposal by Carol, already open for voting; returns its id.</summary>
    public async Task<string> ProposeActive(string actions = "[]")
    {
        var id = await Propose(actions);

        // Voting opens once the clock has passed the snapshot second.
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.Until(async () => (await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}"))).Str("state"),
            state => state == "active", what: $"{id} to become active");
        return id;
    }

    public async Task<JsonNode> Tally(string proposal) =>
        JsonNode.Parse(await gateway.Http.GetStringAsync($"/proposals/{proposal}/tally"))!;

    private async Task<long> VotesOf(TestKey voter)
    {
        var view = await Json.Read(await gateway.Http.GetAsync($"/voters/{voter.Address}/votes?token={Token}&at={gateway.Now - 1}"));
        return long.Parse(view.Str("votes"));
    }

    public static JsonObject GeneralClass() => new()
    {
        ["name"] = ClassName,
        ["quorumBps"] = 0,
        ["approvalThresholdBps"] = 5000,
        ["votingDelay"] = "00:00:00",
        ["votingPeriod"] = "7.00:00:00",
        ["timelockDelay"] = "1.00:00:00",
        ["gracePeriod"] = "14.00:00:00",
        ["proposalThreshold"] = "0",
        ["powerSource"] = new JsonObject { ["kind"] = "tokenVotes", ["token"] = Token },
        ["allowBallotChange"] = false,
        ["allowedActions"] = "all",
    };
}
