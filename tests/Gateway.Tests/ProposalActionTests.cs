using System.Net;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>Signed proposals, cancels, vetoes and committee changes, and the unsigned execute.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ProposalActionTests(GatewayFixture gateway)
{
    private const string Dao = ApiScenario.Dao;

    [Fact]
    public async Task The_proposer_cancels_a_pending_proposal_once()
    {
        var id = await gateway.Scenario.Propose();
        var body = TypedDataSigner.Envelope(TestKey.Carol, "Cancel", Messages.Cancel(TestKey.Carol, id, gateway.Now));

        var canceled = await gateway.Http.PostAsync($"/proposals/{id}/cancel", Json.Content(body));
        var replay = await gateway.Http.PostAsync($"/proposals/{id}/cancel", Json.Content(body));

        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        Assert.Equal("canceled", (await Json.Read(canceled)).Str("state"));
        Assert.Equal(TestKey.Carol.Address, (await Json.Read(canceled)).Str("canceledBy"));
        await ProblemAssert.Is(replay, HttpStatusCode.Conflict, "replayed");
    }

    [Fact]
    public async Task Someone_else_cannot_cancel()
    {
        var id = await gateway.Scenario.Propose();

        var response = await gateway.Http.PostAsync($"/proposals/{id}/cancel",
            Json.Content(TypedDataSigner.Envelope(TestKey.Alice, "Cancel", Messages.Cancel(TestKey.Alice, id, gateway.Now))));

        await ProblemAssert.Is(response, HttpStatusCode.Forbidden, "not-authorized");
    }

    [Fact]
    public async Task Vetoing_or_executing_an_active_proposal_is_invalid_state()
    {
        var id = await gateway.Scenario.ProposeActive();

        var veto = await gateway.Http.PostAsync($"/proposals/{id}/veto",
            Json.Content(TypedDataSigner.Envelope(TestKey.Carol, "Veto", Messages.Veto(TestKey.Carol, id, gateway.Now))));
        var execute = await gateway.Http.PostAsync($"/proposals/{id}/execute", null);

        await ProblemAssert.Is(veto, HttpStatusCode.Conflict, "invalid-state");
        await ProblemAssert.Is(execute, HttpStatusCode.Conflict, "invalid-state");
    }

    [Fact]
    public async Task A_proposal_signed_for_another_dao_is_dao_mismatch()
    {
        var message = Messages.Proposal(TestKey.Carol, "elsewhere", "misdirected", gateway.Now);

        var response = await gateway.Http.PostAsync($"/daos/{Dao}/proposals", Json.Content(TypedDataSigner.Envelope(TestKey.Carol, "Proposal", message)));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "dao-mismatch");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[{\"type\": \"launchRocket\"}]")]
    [InlineData("[null]")]
    [InlineData("[{\"type\": \"setRole\", \"role\": \"committee\", \"address\": \"0x12\", \"granted\": true}]")]
    public async Task Bad_actions_are_refused_before_the_message_is_used(string actions)
    {
        var message = Messages.Proposal(TestKey.Carol, Dao, "bad actions", gateway.Now, actions);
        var body = TypedDataSigner.Envelope(TestKey.Carol, "Proposal", message);

        var first = await gateway.Http.PostAsync($"/daos/{Dao}/proposals", Json.Content(body));
        var again = await gateway.Http.PostAsync($"/daos/{Dao}/proposals", Json.Content(body));

        var code = actions.Contains("0x12") ? "invalid-address" : "invalid-actions";
        await ProblemAssert.Is(first, HttpStatusCode.BadRequest, code);
        await ProblemAssert.Is(again, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_proposal_in_an_unknown_class_is_unknown_class()
    {
        var message = Messages.Proposal(TestKey.Carol, Dao, "classless", gateway.Now, proposalClass: "no-such-class");

        var response = await gateway.Http.PostAsync($"/daos/{Dao}/proposals", Json.Content(TypedDataSigner.Envelope(TestKey.Carol, "Proposal", message)));

        await ProblemAssert.Is(response, HttpStatusCode.UnprocessableEntity, "unknown-class");
    }

    [Fact]
    public async Task A_proposal_with_actions_records_them_in_lower_case()
    {
        var actions = new JsonArray(new JsonObject
        {
            ["type"] = "setRole", ["role"] = "committee", ["address"] = TestKey.Bob.Checksummed, ["granted"] = true,
        }).ToJsonString();
        var message = Messages.Proposal(TestKey.Carol, Dao, "add bob", gateway.Now, actions);

        var response = await gateway.Http.PostAsync($"/daos/{Dao}/proposals", Json.Content(TypedDataSigner.Envelope(TestKey.Carol, "Proposal", message)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var action = (await Json.Read(response)).GetProperty("actions")[0];
        Assert.Equal("setRole", action.Str("type"));
        Assert.Equal(TestKey.Bob.Address, action.Str("address"));
    }

    [Fact]
    public async Task The_coordinator_changes_the_committee_and_others_cannot()
    {
        var granted = await gateway.Http.PostAsync($"/daos/{Dao}/committee", Json.Content(TypedDataSigner.Envelope(
            TestKey.Carol, "CommitteeChange", Messages.CommitteeChange(TestKey.Carol, Dao, TestKey.Alice, true, gateway.Now))));
        var refused = await gateway.Http.PostAsync($"/daos/{Dao}/committee", Json.Content(TypedDataSigner.Envelope(
            TestKey.Mallory, "CommitteeChange", Messages.CommitteeChange(TestKey.Mallory, Dao, TestKey.Mallory, true, gateway.Now))));

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var committee = (await Json.Read(granted)).GetProperty("roles").GetProperty("committee").EnumerateArray().Select(a => a.GetString());
        Assert.Contains(TestKey.Alice.Address, committee);
        await ProblemAssert.Is(refused, HttpStatusCode.Forbidden, "not-authorized");
    }
}
