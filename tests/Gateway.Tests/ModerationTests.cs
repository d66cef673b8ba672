using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// Moderation over real HTTP: only the DAO's moderators may hide, hiding takes things out of listings only, and every
/// act is in the log with who and why.
/// </summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ModerationTests(GatewayFixture gateway)
{
    private static int daos;

    private async Task<(QuickVote Quick, string Id)> ClosedVote()
    {
        var quick = new QuickVote(gateway, $"moderated{Interlocked.Increment(ref daos)}", moderator: TestKey.Bob);
        await quick.CreateAsync(new Dictionary<TestKey, long>());
        var id = await quick.ProposeActive("Buy ads");
        await quick.Vote(id, TestKey.Alice, 1, "spam spam spam");
        await quick.Vote(id, TestKey.Bob, 0, "no");
        await quick.Close(id);
        return (quick, id);
    }

    private Task<HttpResponseMessage> Moderate(
        TestKey signer, string dao, string proposal, string? voter, bool hidden, string reason = "off-topic advertising") =>
        gateway.Http.PostAsync($"/daos/{dao}/moderation", Json.Content(TypedDataSigner.Envelope(signer, "Moderation", new JsonObject
        {
            ["moderator"] = signer.Checksummed, ["dao"] = dao, ["proposal"] = proposal, ["voter"] = voter ?? Addresses.Zero,
            ["hidden"] = hidden, ["reason"] = reason, ["timestamp"] = gateway.Now,
        })));

    private async Task<JsonElement> Proposals(string dao, string query = "") =>
        (await Json.Read(await gateway.Http.GetAsync($"/daos/{dao}/proposals{query}"))).GetProperty("items");

    [Fact]
    public async Task A_moderation_signed_by_a_non_moderator_is_refused_and_changes_nothing()
    {
        var (quick, id) = await ClosedVote();

        await ProblemAssert.Is(await Moderate(TestKey.Alice, quick.Dao, id, null, true), HttpStatusCode.Forbidden, "not-authorized");

        Assert.Equal(1, (await Proposals(quick.Dao)).GetArrayLength());
        var log = await Json.Read(await gateway.Http.GetAsync($"/daos/{quick.Dao}/moderation"));
        Assert.Equal(0, log.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_hidden_proposal_leaves_the_listing_but_is_still_counted_and_provable()
    {
        var (quick, id) = await ClosedVote();
        var before = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}"));

        var hidden = await Moderate(TestKey.Bob, quick.Dao, id, null, true);
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);

        Assert.Equal(0, (await Proposals(quick.Dao)).GetArrayLength());
        var all = await Proposals(quick.Dao, "?include=hidden");
        Assert.True(all[0].GetProperty("hidden").GetBoolean());
        var after = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}"));
        Assert.Equal(before.GetProperty("tally").GetRawText(), after.GetProperty("tally").GetRawText());
        Assert.Equal(before.Str("ballotSetHash"), after.Str("ballotSetHash"));
        var tally = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/tally"));
        Assert.Equal((2, "1000", "250"), (tally.GetProperty("voters").GetInt32(), tally.Str("for"), tally.Str("against")));
        var proved = await gateway.Http.GetAsync($"/proposals/{id}/ballots/{TestKey.Alice.Address}/proof");
        Assert.Equal(HttpStatusCode.OK, proved.StatusCode);
        var proof = await Json.Read(proved);
        var path = proof.GetProperty("proof").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.True(BallotSetHash.Verify(proof.Str("leaf"), path, proof.Str("shardRoot")));
        Assert.Equal(before.Str("ballotSetHash"), proof.Str("ballotSetHash"));

        await ProblemAssert.Is(await Moderate(TestKey.Bob, quick.Dao, id, null, true, "again"), HttpStatusCode.Conflict, "invalid-state");
        Assert.Equal(HttpStatusCode.OK, (await Moderate(TestKey.Bob, quick.Dao, id, null, false)).StatusCode);
        Assert.Equal(1, (await Proposals(quick.Dao)).GetArrayLength());

        var log = (await Json.Read(await gateway.Http.GetAsync($"/daos/{quick.Dao}/moderation"))).GetProperty("items");
        Assert.Equal(2, log.GetArrayLength());
        Assert.Equal(TestKey.Bob.Address, log[0].Str("moderator"));
        Assert.Equal("off-topic advertising", log[0].Str("reason"));
        Assert.False(log[1].GetProperty("hidden").GetBoolean());
    }

    [Fact]
    public async Task A_hidden_ballot_reason_is_withheld_from_the_listing_and_the_proposal_still_verifies()
    {
        var (quick, id) = await ClosedVote();

        Assert.Equal(HttpStatusCode.OK, (await Moderate(TestKey.Bob, quick.Dao, id, TestKey.Alice.Address, true)).StatusCode);

        var page = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/ballots"));
        var alice = page.GetProperty("items").EnumerateArray().Single(b => b.Str("voter") == TestKey.Alice.Address);
        Assert.Equal("", alice.Str("reason"));
        Assert.Equal([TestKey.Alice.Address], page.GetProperty("hidden").EnumerateArray().Select(v => v.GetString()));
        var full = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/ballots?include=hidden"));
        Assert.Contains(full.GetProperty("items").EnumerateArray(), b => b.Str("reason") == "spam spam spam");
        Assert.Equal(2, (await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/tally"))).GetProperty("voters").GetInt32());

        var output = new StringWriter();
        var exit = await Verifier.VerifierCommand.RunAsync(["verify", gateway.Http.BaseAddress!.ToString(), id], output, CancellationToken.None);
        Assert.True(exit == Verifier.VerifierCommand.Verified, output.ToString());
    }

    [Fact]
    public async Task A_proposal_of_another_dao_cannot_be_moderated_here()
    {
        var (quick, _) = await ClosedVote();
        var other = await gateway.Scenario.Propose();
        await ProblemAssert.Is(await Moderate(TestKey.Bob, quick.Dao, other, null, true), HttpStatusCode.NotFound, "proposal-not-found");
    }

    [Fact]
    public async Task The_committee_appoints_and_removes_moderators_and_no_one_else_can()
    {
        var quick = new QuickVote(gateway, $"moderated{Interlocked.Increment(ref daos)}");
        await quick.CreateAsync(new Dictionary<TestKey, long>());
        var id = await quick.ProposeActive("Forum rules");
        var committee = await gateway.Http.PostAsync($"/daos/{quick.Dao}/committee", Json.Content(TypedDataSigner.Envelope(
            TestKey.Carol, "CommitteeChange", Messages.CommitteeChange(TestKey.Carol, quick.Dao, TestKey.Alice, true, gateway.Now))));
        Assert.Equal(HttpStatusCode.OK, committee.StatusCode);

        // The coordinator is not on the committee: appointing moderators is not its role.
        await ProblemAssert.Is(
            await ChangeModerator(TestKey.Carol, quick.Dao, TestKey.Bob, true), HttpStatusCode.Forbidden, "not-authorized");
        await ProblemAssert.Is(await Moderate(TestKey.Bob, quick.Dao, id, null, true), HttpStatusCode.Forbidden, "not-authorized");

        var appointed = await ChangeModerator(TestKey.Alice, quick.Dao, TestKey.Bob, true);
        Assert.Equal(HttpStatusCode.OK, appointed.StatusCode);
        var roles = (await Json.Read(appointed)).GetProperty("roles");
        var moderators = roles.GetProperty("moderators").EnumerateArray().Select(m => m.GetString());
        Assert.Equal([TestKey.Bob.Address], moderators);
        // A signed message is accepted once, even after a refusal: the same act is signed again, a second later.
        gateway.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Moderate(TestKey.Bob, quick.Dao, id, null, true)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ChangeModerator(TestKey.Alice, quick.Dao, TestKey.Bob, false)).StatusCode);
        await ProblemAssert.Is(await Moderate(TestKey.Bob, quick.Dao, id, null, false), HttpStatusCode.Forbidden, "not-authorized");
    }

    private Task<HttpResponseMessage> ChangeModerator(TestKey appointer, string dao, TestKey moderator, bool granted) =>
        gateway.Http.PostAsync($"/daos/{dao}/moderators", Json.Content(TypedDataSigner.Envelope(appointer, "ModeratorChange",
            Messages.ModeratorChange(appointer, dao, moderator, granted, gateway.Now))));
}
