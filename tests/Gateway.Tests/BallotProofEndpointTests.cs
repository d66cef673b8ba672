using System.Net;
using System.Text.Json;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// Ballot proofs over real HTTP, checked by our rules, by ethers (the documented snippet) and by OpenZeppelin's MerkleProof
/// on a Hardhat EVM; and each voter's power at the snapshot.
/// </summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class BallotProofEndpointTests(GatewayFixture gateway)
{
    private static readonly TestKey[] Extra = TestKey.Many("proof-voter", 9);

    private static int daos;

    /// <summary>A closed proposal of a fresh quick DAO: Alice for, Bob against, Carol abstains, nine more voters.</summary>
    private async Task<(string Id, JsonElement Info, TestKey[] Voters)> ClosedProposal()
    {
        var quick = new QuickVote(gateway, $"proofs{Interlocked.Increment(ref daos)}");
        await quick.CreateAsync(Extra.Select((k, i) => (k, 10L + i * 7)).ToDictionary(p => p.k, p => p.Item2));
        var id = await quick.ProposeActive("Proofs");
        await quick.Vote(id, TestKey.Alice, 1, "yes");
        await quick.Vote(id, TestKey.Bob, 0);
        await quick.Vote(id, TestKey.Carol, 2);
        for (var i = 0; i < Extra.Length; i++) await quick.Vote(id, Extra[i], i % 3);
        var info = await quick.Close(id);
        return (id, info, [TestKey.Alice, TestKey.Bob, TestKey.Carol, .. Extra]);
    }

    [Fact]
    public async Task Every_voters_proof_leads_from_its_ballot_to_the_published_ballot_set_hash()
    {
        var (id, info, voters) = await ClosedProposal();
        var published = info.Str("ballotSetHash");
        var shards = info.GetProperty("ballotShards").GetInt32();
        var lengths = new List<int>();
        foreach (var voter in voters)
        {
            // The checksummed form is accepted too; the answer is keyed by the canonical address.
            var response = await gateway.Http.GetAsync($"/proposals/{id}/ballots/{voter.Checksummed}/proof");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var proof = await Json.Read(response);
            Assert.Equal(voter.Address, proof.Str("voter"));
            Assert.Equal(voter.Address, proof.GetProperty("ballot").Str("voter"));
            var path = proof.GetProperty("proof").EnumerateArray().Select(p => p.GetString()!).ToList();
            var roots = proof.GetProperty("shardRoots").EnumerateArray().Select(p => p.GetString()!).ToList();
            Assert.Equal(shards, roots.Count);
            Assert.Equal(roots[proof.GetProperty("shard").GetInt32()], proof.Str("shardRoot"));
            Assert.True(BallotSetHash.Verify(proof.Str("leaf"), path, proof.Str("shardRoot")), voter.Name);
            Assert.Equal(published, BallotSetHash.Combine(roots));
            Assert.Equal(published, proof.Str("ballotSetHash"));
            lengths.Add(path.Count);
        }
        Assert.Contains(lengths, l => l > 0);
    }

    [Fact]
    public async Task Proofs_verify_with_ethers_and_with_openzeppelins_merkle_proof_on_hardhat()
    {
        NodeScript.RequireModule("hardhat", "the on-chain ballot proof check");
        var (id, info, voters) = await ClosedProposal();
        using var state = new TempDirectory();
        var run = await NodeScript.RunAsync(RepoRoot.File("tests", "Gateway.Tests", "js", "ballot-proofs.mjs"), new NodeRun
        {
            WorkingDirectory = NodeScript.Devchain,
            Timeout = TimeSpan.FromSeconds(120),
            Environment = new Dictionary<string, string>
            {
                ["GATEWAY"] = gateway.Http.BaseAddress!.ToString().TrimEnd('/'),
                ["PROPOSAL"] = id,
                ["VOTERS"] = string.Join(',', voters.Select(v => v.Address)),
                ["DEVCHAIN_STATE_DIR"] = state.Path,
                ["HARDHAT_DISABLE_TELEMETRY_PROMPT"] = "true",
            },
        });
        Assert.True(run.ExitCode == 0, run.Output);
        var result = JsonDocument.Parse(run.Stdout).RootElement;
        var published = info.Str("ballotSetHash");
        Assert.Equal(published, result.Str("ballotSetHash"));
        Assert.Equal(published, result.Str("ethersBallotSetHash"));
        Assert.Equal(published, result.Str("chainBallotSetHash"));
        var checkedVoters = result.GetProperty("voters").EnumerateArray().ToList();
        Assert.Equal(voters.Length, checkedVoters.Count);
        foreach (var v in checkedVoters)
        {
            var who = v.Str("voter");
            Assert.Equal(v.Str("servedLeaf"), v.Str("leaf"));
            Assert.Equal(v.Str("shardRoot"), v.Str("ethersRoot"));
            Assert.Equal(v.Str("shardRoot"), v.Str("chainRoot"));
            Assert.Equal(v.Str("shardRoot"), v.Str("rootOfShard"));
            Assert.True(v.GetProperty("chainVerified").GetBoolean(), $"MerkleProof.verify refused {who}");
            Assert.False(v.GetProperty("tamperedLeafVerified").GetBoolean(), $"MerkleProof.verify took a changed leaf of {who}");
            Assert.False(v.GetProperty("tamperedProofVerified").GetBoolean(), $"MerkleProof.verify took a changed proof of {who}");
        }
        Assert.Contains(checkedVoters, v => v.GetProperty("proofLength").GetInt32() > 0);
    }

    [Fact]
    public async Task The_documented_ethers_proof_check_verifies_a_served_proof()
    {
        var (id, _, _) = await ClosedProposal();
        var script = DocsSnippetTests.WriteSnippet("proof-snippet", "prove.mjs");
        string output;
        try
        {
            output = DocsSnippetTests.RunNode(script, new Dictionary<string, string>
            {
                ["GATEWAY"] = gateway.Http.BaseAddress!.ToString().TrimEnd('/'),
                ["PROPOSAL"] = id,
                ["VOTER"] = TestKey.Bob.Checksummed,
            });
        }
        finally
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(script)!, recursive: true);
        }
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal(TestKey.Bob.Address, result.Str("voter"));
        Assert.True(result.GetProperty("verified").GetBoolean(), output);
    }

    [Fact]
    public async Task A_proof_is_refused_while_voting_for_a_non_voter_and_for_a_bad_address()
    {
        var quick = new QuickVote(gateway, $"proofs{Interlocked.Increment(ref daos)}");
        await quick.CreateAsync(new Dictionary<TestKey, long>());
        var id = await quick.ProposeActive("Early");
        await quick.Vote(id, TestKey.Alice, 1);

        await ProblemAssert.Is(await gateway.Http.GetAsync($"/proposals/{id}/ballots/{TestKey.Alice.Address}/proof"),
            HttpStatusCode.Conflict, "invalid-state");
        await quick.Close(id);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.GetAsync($"/proposals/{id}/ballots/{TestKey.Alice.Address}/proof")).StatusCode);
        var missing = await ProblemAssert.Is(await gateway.Http.GetAsync($"/proposals/{id}/ballots/{TestKey.Mallory.Address}/proof"),
            HttpStatusCode.NotFound, "ballot-not-found");
        Assert.Contains(TestKey.Mallory.Address, missing.Str("detail"));
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/proposals/{id}/ballots/0x1234/proof"),
            HttpStatusCode.BadRequest, "invalid-address");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/proposals/{quick.Dao}/999/ballots/{TestKey.Alice.Address}/proof"),
            HttpStatusCode.NotFound, "proposal-not-found");
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/proposals/{id}/ballots/{TestKey.Alice.Address}/proofs"),
            HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_power_endpoint_reads_the_snapshot_for_any_voter()
    {
        var quick = new QuickVote(gateway, $"proofs{Interlocked.Increment(ref daos)}");
        await quick.CreateAsync(new Dictionary<TestKey, long>());
        var id = await quick.ProposeActive("Power");
        var alice = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/power/{TestKey.Alice.Checksummed}"));
        Assert.Equal(id, alice.Str("proposal"));
        Assert.Equal(TestKey.Alice.Address, alice.Str("voter"));
        Assert.Equal("1000", alice.Str("power"));
        Assert.Equal("1000", alice.Str("weight"));
        var nobody = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/power/{TestKey.Mallory.Address}"));
        Assert.Equal("0", nobody.Str("power"));
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/proposals/{id}/power/nope"), HttpStatusCode.BadRequest, "invalid-address");
    }
}
