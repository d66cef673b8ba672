using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blocktrack.Chain;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// Choice proposals and choice ballots signed by ethers v6 with the types the Gateway publishes, over real HTTP: counted
/// with Snapshot's semantics, and every ballot that does not fit its class refused with <c>invalid-choice</c>.
/// </summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ChoiceBallotTests(GatewayFixture gateway)
{
    private const string Dao = "rounds";

    private static bool created;
    private static readonly SemaphoreSlim Creating = new(1, 1);

    [Fact]
    public async Task Ethers_signed_weighted_ballots_split_each_voter_s_power_by_its_weights()
    {
        var id = await ProposeActive("weighted", "lab", "school", "library");

        var results = await Send(
            Vote(TestKey.Alice, id, [1, 3], [1, 3]), // 1000: 250 to the lab, 750 to the library
            Vote(TestKey.Bob, id, [2], [5])); // 250, all to the school
        Assert.All(results, r => Assert.Equal(200, r.Status));
        var receipt = results[0].Body;
        Assert.Equal([1, 3], receipt["choices"]!.AsArray().Select(c => (int)c!));
        Assert.Equal([1, 3], receipt["weights"]!.AsArray().Select(w => (int)w!));
        Assert.Matches("^0x[0-9a-f]{64}$", (string)receipt["leaf"]!);

        var outcome = (await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/tally"))).GetProperty("outcome");
        Assert.Equal(["250.000000000000000000", "250.000000000000000000", "750.000000000000000000"],
            outcome.GetProperty("scores").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(3, outcome.GetProperty("winner").GetInt32());
        Assert.Equal("1250", outcome.Str("totalPower"));
    }

    [Fact]
    public async Task A_ranking_that_omits_a_choice_or_repeats_one_is_invalid_choice_and_counts_nothing()
    {
        var id = await ProposeActive("ranked", "a", "b", "c");

        var results = await Send(
            Vote(TestKey.Alice, id, [1, 2], []),
            Vote(TestKey.Alice, id, [1, 1, 2], [], timestamp: gateway.Now - 1),
            Vote(TestKey.Alice, id, [1, 2, 4], [], timestamp: gateway.Now - 2),
            Vote(TestKey.Alice, id, [3, 1, 2], [1, 1, 1], timestamp: gateway.Now - 3));
        foreach (var result in results)
        {
            Assert.Equal(400, result.Status);
            Assert.Equal("invalid-choice", (string)result.Body["code"]!);
        }
        Assert.Equal(0, (await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/tally"))).GetProperty("voters").GetInt32());

        var valid = await Send(Vote(TestKey.Alice, id, [3, 1, 2], []));
        Assert.Equal(200, valid[0].Status);
    }

    [Fact]
    public async Task A_basic_ballot_in_a_choice_class_and_a_choice_ballot_in_a_basic_class_are_invalid_choice()
    {
        var choiceProposal = await ProposeActive("ranked", "a", "b");
        var basic = await gateway.Scenario.ProposeActive();

        var results = await Send(
            Vote(TestKey.Bob, basic, [1], []),
            new EthersRequest($"/proposals/{choiceProposal}/ballots", "Ballot", TestKey.Bob,
                Messages.Ballot(TestKey.Bob, choiceProposal, 1, gateway.Now)));
        Assert.All(results, r => Assert.Equal("invalid-choice", (string)r.Body["code"]!));
    }

    [Fact]
    public async Task A_choice_proposal_with_one_choice_or_in_a_basic_class_is_refused()
    {
        await EnsureDao();
        var results = await Send(
            Propose("ranked", ["only"]),
            Propose(Messages.DefaultClass, ["a", "b"]));
        Assert.All(results, r => Assert.Equal("invalid-choice", (string)r.Body["code"]!));
    }


    private EthersRequest Vote(TestKey voter, string proposal, int[] choices, int[] weights, long? timestamp = null) => new(
        $"/proposals/{proposal}/choice-ballots", "ChoiceBallot", voter, new JsonObject
        {
            ["voter"] = voter.Checksummed,
            ["proposal"] = proposal,
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)c)]),
            ["weights"] = new JsonArray([.. weights.Select(w => (JsonNode)w)]),
            ["reason"] = "",
            ["timestamp"] = timestamp ?? gateway.Now,
        });

    private EthersRequest Propose(string cls, string[] labels) => new($"/daos/{Dao}/choice-proposals", "ChoiceProposal", TestKey.Carol,
        new JsonObject
        {
            ["proposer"] = TestKey.Carol.Checksummed,
            ["dao"] = Dao,
            ["class"] = cls,
            ["title"] = $"Round {Guid.NewGuid():N}",
            ["description"] = "Which one?",
            ["choices"] = new JsonArray([.. labels.Select(l => (JsonNode)new JsonObject { ["label"] = l, ["actions"] = new JsonArray() })])
                .ToJsonString(),
            ["timestamp"] = gateway.Now,
        });

    private async Task<string> ProposeActive(string cls, params string[] labels)
    {
        await EnsureDao();
        var created = Assert.Single(await Send(Propose(cls, labels)));
        Assert.Equal(201, created.Status);
        var id = (string)created.Body["id"]!;
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.Until(async () => (await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}"))).Str("state"),
            state => state == "active", what: $"{id} to become active");
        return id;
    }

    private Task<IReadOnlyList<EthersResult>> Send(params EthersRequest[] requests) =>
        EthersSender.Send(gateway, "the ethers-signed choice ballots", requests);

    /// <summary>A root DAO whose classes count choices, over the same BTK balances as the shared scenario.</summary>
    private async Task EnsureDao()
    {
        await Creating.WaitAsync();
        try
        {
            if (created) return;
            JsonObject Choices(string name, string counting)
            {
                var cls = ApiScenario.GeneralClass();
                cls["name"] = name;
                cls["counting"] = counting;
                cls["allowBallotChange"] = true;
                cls["allowedActions"] = "treasuryTransfer";
                return cls;
            }
            var response = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/daos", new JsonObject
            {
                ["path"] = Dao,
                ["request"] = new JsonObject
                {
                    ["displayName"] = "Grant rounds",
                    ["constitution"] = new JsonObject
                    {
                        ["classes"] = new JsonArray(ApiScenario.GeneralClass(), Choices("weighted", "weighted"), Choices("ranked", "rankedChoice")),
                    },
                },
            }));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created = true;
        }
        finally
        {
            Creating.Release();
        }
    }
}
