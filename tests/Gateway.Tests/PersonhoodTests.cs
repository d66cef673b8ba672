using System.Net;
using System.Text.Json;

namespace Blocktrack.Gateway.Tests;

/// <summary>A DAO's personhood registry over HTTP: signed attestations by the committee, readings at a timepoint.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class PersonhoodTests(GatewayFixture gateway)
{
    private const string Dao = ApiScenario.Dao;
    private static readonly TestKey Person = new("person-1"), Other = new("person-2");

    private Task<HttpResponseMessage> Attest(TestKey attester, TestKey subject, bool attested, string dao = Dao, string route = Dao) =>
        gateway.Http.PostAsync($"/daos/{route}/personhood", Json.Content(TypedDataSigner.Envelope(
            attester, "Attestation", Messages.Attestation(attester, dao, subject.Checksummed, attested, gateway.Now))));

    private async Task<JsonElement> Entry(TestKey subject, long? at = null) =>
        await Json.Read(await gateway.Http.GetAsync($"/daos/{Dao}/personhood/{subject.Checksummed}" + (at is null ? "" : $"?at={at}")));

    [Fact]
    public async Task The_committee_attests_and_revokes_and_the_history_reads_at_any_timepoint()
    {
        // Bob joins the committee (Carol coordinates the DAO); Mallory never does.
        var joined = await gateway.Http.PostAsync($"/daos/{Dao}/committee", Json.Content(TypedDataSigner.Envelope(
            TestKey.Carol, "CommitteeChange", Messages.CommitteeChange(TestKey.Carol, Dao, TestKey.Bob, true, gateway.Now))));
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);

        await ProblemAssert.Is(await Attest(TestKey.Mallory, Person, true), HttpStatusCode.Forbidden, "not-authorized");
        Assert.False((await Entry(Person)).GetProperty("attested").GetBoolean());

        var attested = await Attest(TestKey.Bob, Person, true);
        Assert.Equal(HttpStatusCode.OK, attested.StatusCode);
        var record = await Json.Read(attested);
        Assert.True(record.GetProperty("attested").GetBoolean());
        Assert.Equal(Person.Address, record.Str("address"));
        Assert.Equal(Dao, record.Str("dao"));
        var change = record.GetProperty("history")[0];
        Assert.Equal(TestKey.Bob.Address, change.Str("attester"));
        Assert.StartsWith("0x", change.Str("digest"));
        Assert.Equal(132, change.Str("signature").Length);
        var attestedAt = change.GetProperty("at").GetInt64();

        gateway.Clock.Advance(TimeSpan.FromSeconds(3));
        var revoked = await Json.Read(await Attest(TestKey.Bob, Person, false));
        Assert.False(revoked.GetProperty("attested").GetBoolean());
        var revokedAt = revoked.GetProperty("since").GetInt64();
        Assert.Equal(attestedAt + 3, revokedAt);

        var now = await Entry(Person);
        Assert.False(now.GetProperty("attested").GetBoolean());
        Assert.Equal(2, now.GetProperty("history").GetArrayLength());
        var before = await Entry(Person, revokedAt - 1);
        Assert.True(before.GetProperty("attested").GetBoolean());
        Assert.Equal(attestedAt, before.GetProperty("since").GetInt64());
        Assert.Equal(1, before.GetProperty("history").GetArrayLength());
        var never = await Entry(Person, attestedAt - 1);
        Assert.False(never.GetProperty("attested").GetBoolean());
        Assert.Equal(JsonValueKind.Null, never.GetProperty("since").ValueKind);
    }

    [Fact]
    public async Task An_attestation_for_another_dao_or_an_unknown_one_is_refused()
    {
        await ProblemAssert.Is(await Attest(TestKey.Bob, Other, true, dao: "elsewhere"), HttpStatusCode.BadRequest, "dao-mismatch");
        await ProblemAssert.Is(await Attest(TestKey.Bob, Other, true, dao: "nowhere", route: "nowhere"),
            HttpStatusCode.NotFound, "dao-not-found");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/nowhere/personhood/{Other.Address}"),
            HttpStatusCode.NotFound, "dao-not-found");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/{Dao}/personhood/0x12"), HttpStatusCode.BadRequest, "invalid-address");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/daos/{Dao}/personhood/{Other.Address}?at=soon"),
            HttpStatusCode.BadRequest, "invalid-argument");
    }

    [Fact]
    public async Task A_forged_attestation_recovers_another_signer()
    {
        var message = Messages.Attestation(TestKey.Bob, Dao, Other.Checksummed, true, gateway.Now);
        var signed = TypedDataSigner.Envelope(TestKey.Mallory, "Attestation", message);

        var response = await gateway.Http.PostAsync($"/daos/{Dao}/personhood", Json.Content(signed));

        await ProblemAssert.Is(response, HttpStatusCode.Unauthorized, "signature-invalid");
        Assert.False((await Entry(Other)).GetProperty("attested").GetBoolean());
    }

    [Fact]
    public async Task A_proposal_may_carry_set_personhood_with_a_checksummed_subject()
    {
        var actions = $$"""[{"type":"setPersonhood","subject":"{{Other.Checksummed}}","attested":true}]""";
        var response = await gateway.Http.PostAsync($"/daos/{Dao}/proposals", Json.Content(TypedDataSigner.Envelope(
            TestKey.Carol, "Proposal", Messages.Proposal(TestKey.Carol, Dao, "Attest a person", gateway.Now, actions))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var action = (await Json.Read(response)).GetProperty("actions")[0];
        Assert.Equal("setPersonhood", action.Str("type"));
        Assert.Equal(Other.Address, action.Str("subject"));
    }
}
