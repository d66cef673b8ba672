using System.Net;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// Its own Gateway: founding a sub-DAO takes a 7-day vote and a 1-day timelock, days the shared clock must not jump
/// (the documented snippet signs with the real time).
/// </summary>
[CollectionDefinition(Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class SubDaoCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway-sub-dao";
}

/// <summary>Every endpoint answers for a real sub-DAO on the same route as for its root.</summary>
[Collection(SubDaoCollection.Name)]
public sealed class SubDaoRouteTests(GatewayFixture gateway)
{
    private const string SubDao = ApiScenario.Dao + "/grants";

    [Fact]
    public async Task A_sub_dao_and_its_proposals_are_served_at_depth_two()
    {
        await CreateSubDao();

        var dao = await Json.Read(await gateway.Http.GetAsync($"/daos/{SubDao}"));
        Assert.Equal(SubDao, dao.Str("path"));
        Assert.Equal(ApiScenario.Dao, dao.Str("parent"));
        var constitution = await gateway.Http.GetAsync($"/daos/{SubDao}/constitution/history");
        Assert.Equal(HttpStatusCode.OK, constitution.StatusCode);

        var proposed = await gateway.Http.PostAsync($"/daos/{SubDao}/proposals", Json.Content(TypedDataSigner.Envelope(
            TestKey.Carol, "Proposal", Messages.Proposal(TestKey.Carol, SubDao, "first grant round", gateway.Now))));
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = (await Json.Read(proposed)).Str("id");
        Assert.Equal(SubDao + "/1", id);
        Assert.Equal($"/proposals/{id}", proposed.Headers.Location?.OriginalString);

        var tally = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/tally"));
        Assert.Equal(0, tally.GetProperty("voters").GetInt32());
        var page = await Json.Read(await gateway.Http.GetAsync($"/daos/{SubDao}/proposals?limit=1"));
        Assert.Equal(id, page.GetProperty("items")[0].Str("id"));
    }

    /// <summary>The root DAO's createSubDao proposal, voted, closed, queued and executed on the fake clock.</summary>
    private async Task CreateSubDao()
    {
        var actions = new JsonArray(new JsonObject
        {
            ["type"] = "createSubDao",
            ["name"] = "grants",
            ["displayName"] = "Grants",
            ["constitution"] = new JsonObject { ["classes"] = new JsonArray(ApiScenario.GeneralClass()) },
            ["roles"] = new JsonObject { ["coordinators"] = new JsonArray(TestKey.Carol.Address) },
        }).ToJsonString();
        var id = await gateway.Scenario.ProposeActive(actions);
        var ballot = TypedDataSigner.Envelope(TestKey.Alice, "Ballot", Messages.Ballot(TestKey.Alice, id, 1, gateway.Now));
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.PostAsync($"/proposals/{id}/ballots", Json.Content(ballot))).StatusCode);

        gateway.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(2));
        await StateOf(id, "queued");
        gateway.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(2));
        await StateOf(id, "executed");
    }

    private Task<string> StateOf(string id, string state) =>
        Eventually.Until(async () => (await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}"))).Str("state"),
            s => s == state, what: $"{id} to be {state}");
}
