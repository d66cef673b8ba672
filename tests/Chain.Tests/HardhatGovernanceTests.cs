using System.Numerics;
using Blocktrack.Chain.Tests.Support;
using Blocktrack.Tests.Support;
using Nethereum.RPC.Eth.DTOs;

namespace Blocktrack.Chain.Tests;

/// <summary>The devchain's DAO contracts working together: a Governor proposal that changes Counter through the
/// Timelock, and the GovernanceAnchor's record of constitutions and results.</summary>
[Collection(HardhatCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class HardhatGovernanceTests(HardhatFixture chain)
{
    private const string Zero = "0x0000000000000000000000000000000000000000";

    [Fact]
    public async Task A_proposal_passes_queues_in_the_timelock_and_executes_on_the_counter()
    {
        var deployer = DevAccounts.Deployer;
        var voters = DevAccounts.Keys[1..4];
        var token = await chain.DeployAsync("BlocktrackToken", deployer, DevAccounts.Addresses[0]);
        foreach (var (key, amount) in voters.Zip(new[] { 100, 50, 10 }))
        {
            await Send(token, deployer, "mint", Secp256k1Signer.AddressOf(key), amount);
            await Send(token, key, "delegate", Secp256k1Signer.AddressOf(key));
        }
        var timelock = await chain.DeployAsync("TimelockController", deployer, 60, Array.Empty<string>(), new[] { Zero }, DevAccounts.Addresses[0]);
        var governor = await chain.DeployAsync("BlocktrackGovernor", deployer, token.Address, timelock.Address, 1, 300, 0, 4);
        foreach (var role in new[] { "PROPOSER_ROLE", "CANCELLER_ROLE" })
            await Send(timelock, deployer, "grantRole", Keccak256.Hash(role), governor.Address);
        var counter = await chain.DeployAsync("Counter", deployer, timelock.Address);
        Assert.Equal("mode=timestamp", await governor.CallAsync<string>("CLOCK_MODE"));

        object?[] targets = [new[] { counter.Address }, new[] { 0 }, new[] { counter.Encode("setNumber", 42) }];
        const string description = "Set the counter to 42";
        var proposed = await Send(governor, voters[0], "propose", [.. targets, description]);
        var created = Assert.Single(governor.DecodeLogs(proposed), e => e.Name == "ProposalCreated");
        var proposalId = (BigInteger)created["proposalId"]!;
        Assert.Equal(description, created["description"]);
        Assert.Equal(counter.Address, Assert.Single((object?[])created["targets"]!));
        Assert.Equal(0, await State(governor, proposalId));

        await chain.Dev.IncreaseTimeAsync(2);
        await chain.Dev.MineAsync();
        Assert.Equal(1, await State(governor, proposalId));
        foreach (var (key, support) in voters.Zip(new[] { 1, 0, 2 }))
            await Send(governor, key, "castVote", proposalId, support);
        var tally = await governor.CallAllAsync("proposalVotes", proposalId);
        Assert.Equal(new BigInteger[] { 50, 100, 10 }, tally.Cast<BigInteger>());

        await chain.Dev.IncreaseTimeAsync(301);
        await chain.Dev.MineAsync();
        Assert.Equal(4, await State(governor, proposalId));

        var descriptionHash = Keccak256.Hash(description);
        await Send(governor, voters[1], "queue", [.. targets, descriptionHash]);
        Assert.Equal(5, await State(governor, proposalId));
        await chain.Dev.IncreaseTimeAsync(61);
        var executed = await Send(governor, voters[2], "execute", [.. targets, descriptionHash]);

        Assert.Equal(7, await State(governor, proposalId));
        Assert.Equal(new BigInteger(42), await counter.CallAsync<BigInteger>("number"));
        var changed = Assert.Single(counter.DecodeLogs(executed));
        Assert.Equal(timelock.Address, changed["by"]);
    }

    [Fact]
    public async Task The_anchor_records_constitutions_and_results_for_publishers_only()
    {
        var owner = DevAccounts.Deployer;
        var (publisher, stranger) = (DevAccounts.Keys[1], DevAccounts.Addresses[2]);
        var anchor = await chain.DeployAsync("GovernanceAnchor", owner, DevAccounts.Addresses[0]);
        byte[] v1 = Keccak256.Hash("constitution v1"), v2 = Keccak256.Hash("constitution v2"), ballots = Keccak256.Hash("ballots");

        await Send(anchor, owner, "recordConstitution", "blocktrack", 1, v1);
        var second = await Send(anchor, owner, "recordConstitution", "blocktrack", 2, v2);
        var recorded = Assert.Single(anchor.DecodeLogs(second));
        Assert.Equal(Keccak256.Hash("blocktrack"), recorded["daoKey"]);
        Assert.Equal(new BigInteger(2), recorded["version"]);
        Assert.Equal("blocktrack", recorded["daoPath"]);

        var latest = await anchor.CallAllAsync("latestConstitution", "blocktrack");
        Assert.Equal(new BigInteger(2), latest[0]);
        Assert.Equal(v2, latest[1]);
        Assert.Equal(v1, await anchor.CallAsync<byte[]>("constitutionAt", "blocktrack", 1));
        var stale = await Reverted(anchor, "recordConstitution", DevAccounts.Addresses[0], "blocktrack", 2, v1);
        Assert.Equal("VersionNotIncreasing(\"blocktrack\", 2, 2)", stale);

        Assert.Equal($"NotPublisher({stranger})", await Reverted(anchor, "recordResult", stranger, "blocktrack/1", 4, 100, 20, 5, ballots));
        await Send(anchor, owner, "setPublisher", DevAccounts.Addresses[1], true);
        await Send(anchor, publisher, "recordResult", "blocktrack/1", 4, 100, 20, 5, ballots);
        Assert.Equal("TallyMismatch(\"blocktrack/1\")", await Reverted(anchor, "recordResult", DevAccounts.Addresses[1], "blocktrack/1", 7, 100, 21, 5, ballots));
        var final = await Send(anchor, publisher, "recordResult", "blocktrack/1", 7, 100, 20, 5, ballots);
        Assert.Equal("ResultAlreadyFinal(\"blocktrack/1\", 7)", await Reverted(anchor, "recordResult", DevAccounts.Addresses[1], "blocktrack/1", 6, 100, 20, 5, ballots));

        var result = (object?[])(await anchor.CallAllAsync("resultOf", "blocktrack/1"))[0]!;
        Assert.Equal(new BigInteger(7), result[0]);
        Assert.Equal(new BigInteger[] { 100, 20, 5 }, result[1..4].Cast<BigInteger>());
        Assert.Equal(ballots, result[4]);
        Assert.Equal(new BigInteger(await chain.Dev.TimestampOf(final)), result[5]);
        Assert.Equal(true, result[6]);
        Assert.Equal(false, ((object?[])(await anchor.CallAllAsync("resultOf", "blocktrack/2"))[0]!)[6]);
    }

    private static Task<TransactionReceipt> Send(DevContract contract, byte[] key, string function, params object?[] arguments) =>
        contract.SucceedAsync(key, function, arguments);

    private static async Task<int> State(DevContract governor, BigInteger proposalId) =>
        (int)await governor.CallAsync<BigInteger>("state", proposalId);

    private static Task<string> Reverted(DevContract contract, string function, string from, params object?[] arguments) =>
        contract.RevertOf(function, from, arguments);
}
