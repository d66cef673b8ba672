using System.Net;

namespace Blocktrack.Gateway.Tests;

/// <summary>Signed delegation, and replay protection for non-ballot messages through the voter grain.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class DelegationTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Replaying_a_signed_delegation_is_replayed()
    {
        var body = TypedDataSigner.Envelope(TestKey.Bob, "Delegation", Messages.Delegation(TestKey.Bob, TestKey.Bob.Address, gateway.Now - 1));

        var first = await gateway.Http.PostAsync($"/voters/{TestKey.Bob.Address}/delegate", Json.Content(body));
        var replay = await gateway.Http.PostAsync($"/voters/{TestKey.Bob.Address}/delegate", Json.Content(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(TestKey.Bob.Address, (await Json.Read(first)).Str("delegate"));
        await ProblemAssert.Is(replay, HttpStatusCode.Conflict, "replayed");
    }

    [Fact]
    public async Task A_delegation_sent_to_another_address_is_address_mismatch()
    {
        var body = TypedDataSigner.Envelope(TestKey.Bob, "Delegation", Messages.Delegation(TestKey.Bob, TestKey.Bob.Address, gateway.Now));

        var response = await gateway.Http.PostAsync($"/voters/{TestKey.Alice.Address}/delegate", Json.Content(body));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "address-mismatch");
    }

    [Fact]
    public async Task A_bad_address_in_the_route_is_invalid_address()
    {
        await ProblemAssert.Is(await gateway.Http.GetAsync("/voters/0xnothex"), HttpStatusCode.BadRequest, "invalid-address");
    }
}
