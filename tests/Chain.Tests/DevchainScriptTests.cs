using System.Numerics;
using System.Text.Json.Nodes;
using Blocktrack.Chain.Tests.Support;
using Blocktrack.Tests.Support;

namespace Blocktrack.Chain.Tests;

/// <summary>deploy.mjs against the shared Hardhat node: it sets up a working DAO, and the L3's vote escrow and badges.</summary>
[Collection(HardhatCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class DevchainScriptTests(HardhatFixture chain)
{
    [Fact]
    public async Task Deploy_script_sets_up_a_dao_whose_voters_hold_delegated_power()
    {
        var file = Path.Combine(Path.GetTempPath(), $"blocktrack-deployment-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output) = await NodeScript.RunInDevchainAsync(
                "deploy.mjs", TimeSpan.FromSeconds(60), "--rpc", chain.Node.Endpoint.ToString(), "--out", file, "--force");
            Assert.True(exitCode == 0, output);

            var deployment = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            Assert.Equal(HardhatNode.DefaultChainId, (long)deployment["chainId"]!);
            var contracts = deployment["contracts"]!;
            var token = chain.Dev.At("BlocktrackToken", (string)contracts["BlocktrackToken"]!);
            var governor = chain.Dev.At("BlocktrackGovernor", (string)contracts["BlocktrackGovernor"]!);
            var counter = chain.Dev.At("Counter", (string)contracts["Counter"]!);
            var timelock = ((string)contracts["TimelockController"]!).ToLowerInvariant();

            Assert.Equal(token.Address, (await governor.CallAsync<string>("token")).ToLowerInvariant());
            Assert.Equal(timelock, (await governor.CallAsync<string>("timelock")).ToLowerInvariant());
            Assert.Equal(timelock, (await counter.CallAsync<string>("owner")).ToLowerInvariant());
            foreach (var voter in deployment["voters"]!.AsArray())
                Assert.Equal(1000 * BigInteger.Pow(10, 18), await token.CallAsync<BigInteger>("getVotes", (string)voter!));

            // On the L3 the vote escrow locks this BTK, on the timestamp clock, and holds nothing yet.
            var escrow = chain.Dev.At("VotingEscrow", (string)contracts["VotingEscrow"]!);
            Assert.Equal(token.Address, (await escrow.CallAsync<string>("token")).ToLowerInvariant());
            Assert.Equal("mode=timestamp", await escrow.CallAsync<string>("CLOCK_MODE"));
            Assert.Equal(BigInteger.Zero, await escrow.CallAsync<BigInteger>("totalSupply"));

            // The L3's badges are owned, and so only minted, by the cluster's timelock: by what the cluster executes.
            var badges = chain.Dev.At("BlocktrackBadges", (string)contracts["BlocktrackBadges"]!);
            var clusterTimelock = ((string)contracts["ClusterTimelock"]!).ToLowerInvariant();
            Assert.Equal(clusterTimelock, (await badges.CallAsync<string>("owner")).ToLowerInvariant());
            Assert.Equal("BTKB", await badges.CallAsync<string>("symbol"));
            Assert.True(await badges.CallAsync<bool>("supportsInterface", Hex.Parse("0xb45a3c0e")));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
