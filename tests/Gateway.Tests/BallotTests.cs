using System.Net;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>Signed ballots over real HTTP: the accepted path, and every refusal leaving the tally exactly as it was.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class BallotTests(GatewayFixture gateway)
{
    private ApiScenario Scenario => gateway.Scenario;

    [Fact]
    public async Task A_signed_ballot_is_counted_with_the_voters_weight()
    {
        var id = await Scenario.ProposeActive();

        var response = await Cast(id, TestKey.Alice, Messages.Ballot(TestKey.Alice, id, 1, gateway.Now, "ship it"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await Json.Read(response);
        Assert.Equal(id, receipt.Str("proposal"));
        Assert.Equal(TestKey.Alice.Address, receipt.Str("voter"));
        Assert.Equal("for", receipt.Str("support"));
        Assert.Equal("1000", receipt.Str("weight"));
        Assert.False(receipt.GetProperty("duplicate").GetBoolean());
        await AssertTally(id, @for: "1000", against: "0", abstain: "0", voters: 1);

        var against = await Cast(id, TestKey.Bob, Messages.Ballot(TestKey.Bob, id, 0, gateway.Now));
        Assert.Equal(HttpStatusCode.OK, against.StatusCode);
        await AssertTally(id, @for: "1000", against: "250", abstain: "0", voters: 2);

        var ballots = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/ballots?limit=10"));
        Assert.Equal(2, ballots.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_ballot_signed_by_another_key_is_signature_invalid()
    {
        var id = await Scenario.ProposeActive();
        var message = Messages.Ballot(TestKey.Alice, id, 1, gateway.Now);

        var response = await gateway.Http.PostAsync($"/proposals/{id}/ballots", Json.Content(TypedDataSigner.Envelope(TestKey.Mallory, "Ballot", message)));

        await ProblemAssert.Is(response, HttpStatusCode.Unauthorized, "signature-invalid");
        await AssertTally(id, @for: "0", against: "0", abstain: "0", voters: 0);
    }

    [Fact]
    public async Task Replaying_the_same_signed_ballot_is_refused_as_replayed()
    {
        var id = await Scenario.ProposeActive();
        var body = TypedDataSigner.Envelope(TestKey.Alice, "Ballot", Messages.Ballot(TestKey.Alice, id, 2, gateway.Now));

        var first = await gateway.Http.PostAsync($"/proposals/{id}/ballots", Json.Content(body));
        var replay = await gateway.Http.PostAsync($"/proposals/{id}/ballots", Json.Content(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ProblemAssert.Is(replay, HttpStatusCode.Conflict, "replayed");
        await AssertTally(id, @for: "0", against: "0", abstain: "1000", voters: 1);
    }

    [Fact]
    public async Task A_ballot_signed_for_another_chain_id_is_signature_invalid()
    {
        var id = await Scenario.ProposeActive();
        var message = Messages.Ballot(TestKey.Alice, id, 1, gateway.Now);

        var response = await gateway.Http.PostAsync($"/proposals/{id}/ballots",
            Json.Content(TypedDataSigner.Envelope(TestKey.Alice, "Ballot", message, chainId: 1)));

        await ProblemAssert.Is(response, HttpStatusCode.Unauthorized, "signature-invalid");
        await AssertTally(id, @for: "0", against: "0", abstain: "0", voters: 0);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(-3600)]
    [InlineData(61)]
    public async Task A_ballot_outside_the_freshness_window_is_message_stale(int offsetSeconds)
    {
        var id = await Scenario.ProposeActive();
        var message = Messages.Ballot(TestKey.Alice, id, 1, gateway.Now + offsetSeconds);

        var response = await Cast(id, TestKey.Alice, message);

        await ProblemAssert.Is(response, HttpStatusCode.Unauthorized, "message-stale");
        await AssertTally(id, @for: "0", against: "0", abstain: "0", voters: 0);
    }

    [Theory]
    [InlineData("{\"message\": {\"voter\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"message\": {\"voter\": \"0x0000000000000000000000000000000000000001\", \"proposal\": \"x\", \"support\": \"for\", \"reason\": \"\", \"timestamp\": 1}, \"signature\": \"0x00\"}")]
    [InlineData("{\"message\": {\"voter\": \"0x0000000000000000000000000000000000000001\", \"proposal\": \"x\", \"support\": 1, \"reason\": \"\", \"timestamp\": 1, \"extra\": 1}, \"signature\": \"0x00\"}")]
    [InlineData("{\"message\": {\"voter\": \"0x0000000000000000000000000000000000000001\", \"proposal\": \"x\", \"support\": 1, \"timestamp\": 1}, \"signature\": \"0x00\"}")]
    [InlineData("{\"message\": {\"voter\": \"0x0000000000000000000000000000000000000001\", \"proposal\": null, \"support\": 1, \"reason\": \"\", \"timestamp\": 1}, \"signature\": \"0x00\"}")]
    [InlineData("[]")]
    public async Task Malformed_json_is_malformed_request(string body)
    {
        var id = await Scenario.ProposeActive();

        var response = await gateway.Http.PostAsync($"/proposals/{id}/ballots", Json.Raw(body));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "malformed-request");
        await AssertTally(id, @for: "0", against: "0", abstain: "0", voters: 0);
    }

    [Fact]
    public async Task An_oversized_body_is_payload_too_large()
    {
        var id = await Scenario.ProposeActive();
        var message = Messages.Ballot(TestKey.Alice, id, 1, gateway.Now, reason: new string('x', 80 * 1024));

        var response = await Cast(id, TestKey.Alice, message);

        await ProblemAssert.Is(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        await AssertTally(id, @for: "0", against: "0", abstain: "0", voters: 0);
    }

    [Fact]
    public async Task A_ballot_for_an_unknown_proposal_is_proposal_not_found()
    {
        const string unknown = ApiScenario.Dao + "/999999";

        var response = await Cast(unknown, TestKey.Alice, Messages.Ballot(TestKey.Alice, unknown, 1, gateway.Now));

        await ProblemAssert.Is(response, HttpStatusCode.NotFound, "proposal-not-found");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/proposals/{unknown}/tally"), HttpStatusCode.NotFound, "proposal-not-found");
    }

    [Fact]
    public async Task A_ballot_signed_for_another_proposal_is_proposal_mismatch()
    {
        var id = await Scenario.ProposeActive();
        var other = await Scenario.ProposeActive();

        var response = await Cast(id, TestKey.Alice, Messages.Ballot(TestKey.Alice, other, 1, gateway.Now));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "proposal-mismatch");
        await AssertTally(id, @for: "0", against: "0", abstain: "0", voters: 0);
        await AssertTally(other, @for: "0", against: "0", abstain: "0", voters: 0);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("not-hex")]
    [InlineData("")]
    public async Task A_badly_encoded_signature_is_signature_malformed(string signature)
    {
        var id = await Scenario.ProposeActive();
        var body = new JsonObject { ["message"] = Messages.Ballot(TestKey.Alice, id, 1, gateway.Now), ["signature"] = signature };

        var response = await gateway.Http.PostAsync($"/proposals/{id}/ballots", Json.Content(body));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "signature-malformed");
    }

    [Fact]
    public async Task A_bad_voter_address_is_invalid_address()
    {
        var id = await Scenario.ProposeActive();
        var message = Messages.Ballot(TestKey.Alice, id, 1, gateway.Now);
        message["voter"] = "0x12345";

        var response = await gateway.Http.PostAsync($"/proposals/{id}/ballots",
            Json.Content(new JsonObject { ["message"] = message, ["signature"] = "0x" + new string('1', 130) }));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "invalid-address");
    }

    [Fact]
    public async Task A_voter_without_power_at_the_snapshot_is_insufficient_power()
    {
        var id = await Scenario.ProposeActive();

        var response = await Cast(id, TestKey.Mallory, Messages.Ballot(TestKey.Mallory, id, 1, gateway.Now));

        await ProblemAssert.Is(response, HttpStatusCode.Forbidden, "insufficient-power");
        await AssertTally(id, @for: "0", against: "0", abstain: "0", voters: 0);
    }

    private Task<HttpResponseMessage> Cast(string proposal, TestKey signer, JsonObject message) =>
        gateway.Http.PostAsync($"/proposals/{proposal}/ballots", Json.Content(TypedDataSigner.Envelope(signer, "Ballot", message)));

    private async Task AssertTally(string proposal, string @for, string against, string abstain, int voters)
    {
        var tally = await Scenario.Tally(proposal);
        Assert.Equal(@for, (string?)tally["for"]);
        Assert.Equal(against, (string?)tally["against"]);
        Assert.Equal(abstain, (string?)tally["abstain"]);
        Assert.Equal(voters, (int?)tally["voters"]);
    }
}
