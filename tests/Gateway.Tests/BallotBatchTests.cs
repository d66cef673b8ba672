using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>A relayer's batch over real HTTP: every entry verified, cast and answered on its own, refusals changing nothing.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class BallotBatchTests(GatewayFixture gateway)
{
    private ApiScenario Scenario => gateway.Scenario;

    [Fact]
    public async Task Each_entry_is_answered_as_if_sent_alone_and_only_the_valid_ones_count()
    {
        var first = await Scenario.ProposeActive();
        var second = await Scenario.ProposeActive();
        var alice = TypedDataSigner.Envelope(TestKey.Alice, "Ballot", Messages.Ballot(TestKey.Alice, first, 1, gateway.Now, "relayed"));
        var malformed = TypedDataSigner.Envelope(TestKey.Bob, "Ballot", Messages.Ballot(TestKey.Bob, first, 1, gateway.Now));
        malformed["message"]!.AsObject().Remove("support");
        var choice = TypedDataSigner.Envelope(TestKey.Bob, "ChoiceBallot", new JsonObject
        {
            ["voter"] = TestKey.Bob.Checksummed, ["proposal"] = first, ["choices"] = new JsonArray(1), ["weights"] = new JsonArray(),
            ["reason"] = "", ["timestamp"] = gateway.Now,
        });
        choice["type"] = "ChoiceBallot";
        var unknownType = TypedDataSigner.Envelope(TestKey.Bob, "Ballot", Messages.Ballot(TestKey.Bob, first, 1, gateway.Now));
        unknownType["type"] = "Vote";

        var results = await Batch(
            alice,
            TypedDataSigner.Envelope(TestKey.Bob, "Ballot", Messages.Ballot(TestKey.Bob, second, 0, gateway.Now)),
            // Signed by Mallory for Carol: another key recovers another address.
            TypedDataSigner.Envelope(TestKey.Mallory, "Ballot", Messages.Ballot(TestKey.Carol, first, 1, gateway.Now)),
            malformed,
            choice, // a choice ballot in a basic class: the shard's own refusal
            unknownType,
            TypedDataSigner.Envelope(TestKey.Carol, "Ballot", Messages.Ballot(TestKey.Carol, "Not A Path/1", 1, gateway.Now)),
            TypedDataSigner.Envelope(TestKey.Carol, "Ballot", Messages.Ballot(TestKey.Carol, $"{ApiScenario.Dao}/99999", 1, gateway.Now)),
            TypedDataSigner.Envelope(TestKey.Carol, "Ballot", Messages.Ballot(TestKey.Carol, first, 1, gateway.Now - 3600)));

        Assert.Equal(2, results.GetProperty("counted").GetInt32());
        Assert.Equal(7, results.GetProperty("refused").GetInt32());
        var outcomes = results.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(0, 9), outcomes.Select(o => o.GetProperty("index").GetInt32()));
        Assert.Equal([200, 200, 401, 400, 400, 400, 400, 404, 401], outcomes.Select(o => o.GetProperty("status").GetInt32()));
        Assert.Equal([null, null, "signature-invalid", "malformed-request", "invalid-choice", "invalid-argument", "invalid-dao-path",
            "proposal-not-found", "message-stale"], outcomes.Select(Code));
        var receipt = outcomes[0].GetProperty("receipt");
        Assert.Equal(first, receipt.Str("proposal"));
        Assert.Equal("1000", receipt.Str("weight"));
        Assert.Equal("/ballot-batches#2", outcomes[2].GetProperty("problem").Str("instance"));

        await AssertVoters(first, 1, @for: "1000");
        await AssertVoters(second, 1, against: "250");
        // Alice's ballot is in the log with its reason, as if she had sent it herself.
        var listed = (await Json.Read(await gateway.Http.GetAsync($"/proposals/{first}/ballots?limit=10"))).GetProperty("items");
        Assert.Equal("relayed", Assert.Single(listed.EnumerateArray()).Str("reason"));

        // The same signed ballot again, alone or in a batch, is a replay and changes nothing.
        var again = await Batch(alice);
        Assert.Equal("replayed", Code(again.GetProperty("results")[0]));
        await AssertVoters(first, 1, @for: "1000");
    }

    [Fact]
    public async Task An_empty_batch_or_one_too_many_is_refused_whole_and_nothing_is_cast()
    {
        var id = await Scenario.ProposeActive();
        var empty = await gateway.Http.PostAsync("/ballot-batches", Json.Content(new JsonObject { ["ballots"] = new JsonArray() }));
        await ProblemAssert.Is(empty, HttpStatusCode.BadRequest, "invalid-argument");

        var ballot = TypedDataSigner.Envelope(TestKey.Alice, "Ballot", Messages.Ballot(TestKey.Alice, id, 1, gateway.Now)).ToJsonString();
        var tooMany = "{\"ballots\":[" + string.Join(",", Enumerable.Repeat(ballot, 101)) + "]}";
        var response = await gateway.Http.PostAsync("/ballot-batches", new StringContent(tooMany, System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "invalid-argument");
        await AssertVoters(id, 0);
    }

    private async Task<JsonElement> Batch(params JsonObject[] entries)
    {
        var response = await gateway.Http.PostAsync("/ballot-batches", Json.Content(new JsonObject
        {
            ["ballots"] = new JsonArray([.. entries.Select(e => (JsonNode)e.DeepClone())]),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.Read(response);
    }

    private static string? Code(JsonElement outcome) =>
        outcome.TryGetProperty("problem", out var problem) && problem.ValueKind == JsonValueKind.Object ? problem.Str("code") : null;

    private async Task AssertVoters(string proposal, int voters, string @for = "0", string against = "0")
    {
        var tally = await Scenario.Tally(proposal);
        Assert.Equal(voters, (int?)tally["voters"]);
        Assert.Equal(@for, (string?)tally["for"]);
        Assert.Equal(against, (string?)tally["against"]);
    }
}
