using System.Net;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>`GET /daos` lists the cluster's root DAOs in founding order, paged, so a client finds the trees without a path.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class RootDaoListTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Root_daos_are_listed_once_in_founding_order_and_paged()
    {
        const string path = "listed-root";
        for (var i = 0; i < 2; i++)
        {
            var founded = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/daos", new JsonObject
            {
                ["path"] = path,
                ["request"] = new JsonObject
                {
                    ["displayName"] = "Listed", ["constitution"] = new JsonObject { ["classes"] = new JsonArray(ApiScenario.GeneralClass()) },
                },
            }));
            Assert.True(founded.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await founded.Content.ReadAsStringAsync());
        }

        var all = await Json.Read(await gateway.Http.GetAsync("/daos?limit=200"));
        var paths = all.GetProperty("items").EnumerateArray().Select(d => d.Str("path")).ToList();
        Assert.Equal(paths.Count, all.GetProperty("total").GetInt32());
        Assert.Single(paths, p => p == path);
        Assert.True(paths.IndexOf(ApiScenario.Dao) < paths.IndexOf(path), string.Join(", ", paths));
        Assert.DoesNotContain(paths, p => p.Contains('/')); // sub-DAOs are found through their parents
        var listed = all.GetProperty("items").EnumerateArray().Single(d => d.Str("path") == path);
        Assert.Equal("Listed", listed.Str("displayName"));

        var second = await Json.Read(await gateway.Http.GetAsync("/daos?offset=1&limit=1"));
        Assert.Equal([paths[1]], second.GetProperty("items").EnumerateArray().Select(d => d.Str("path")));
        await ProblemAssert.Is(await gateway.Http.GetAsync("/daos?limit=0"), HttpStatusCode.BadRequest, "invalid-argument");
    }
}
