using System.Collections.Immutable;
using System.Numerics;
using System.Text.Json;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>Executed proposals act on chain through the timelock; final results and constitutions are anchored and read back.</summary>
[Trait("Category", TestCategory.Chain)]
public sealed class ActingOnChainTests(ExecutorFixture chain) : IClassFixture<ExecutorFixture>
{
    private static readonly AbiFunction SetNumber = AbiFunction.Parse("setNumber(uint256)");
    private static readonly string Voter = "0x00000000000000000000000000000000000000a1";

    private async Task<IDaoGrain> Dao(string name)
    {
        var cls = ExecutorFixture.OnChainClass($"{name}-btk");
        var dao = chain.Grains.GetGrain<IDaoGrain>(name);
        await dao.CreateRoot(new CreateDaoRequest
        {
            DisplayName = name, Constitution = new Constitution { Classes = [cls] },
            Treasury = ImmutableDictionary<string, BigInteger>.Empty.Add("btk", 100),
        });
        var voter = chain.Grains.GetGrain<IVoterGrain>(Voter);
        await voter.RecordBalance($"{name}-btk", DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, 10);
        await voter.Delegate($"{name}-btk", Voter);
        return dao;
    }

    [Fact]
    public async Task An_executed_on_chain_call_changes_contract_state_and_the_result_is_anchored()
    {
        var dao = await Dao("actor");
        var info = await chain.PassAndWait(dao, Voter,
            new OnChainCall(ExecutorFixture.ChainId, chain.Counter.Address, 0, Hex.ToHex(SetNumber.EncodeCall((BigInteger)42))),
            new TreasuryTransfer("btk", "0x00000000000000000000000000000000000000b2", 30));

        Assert.Equal(ProposalState.Executed, info.State);
        Assert.Equal(42, await chain.Counter.CallAsync<BigInteger>("number"));
        Assert.Contains(info.Transactions, t => t.Purpose == "executeBatch" && t.Succeeded && t.Hash is not null);
        Assert.Equal(70, (await dao.GetInfo()).Treasury["btk"]);

        // The final result lands in the anchor contract, equal to the cluster's record.
        var anchors = chain.Grains.GetGrain<IAnchorGrain>(0);
        var check = await Eventually.Until(() => anchors.Check(AnchorRecord.ResultKey(info.Id)), c => c.Matches, TimeSpan.FromSeconds(20), "result anchored");
        Assert.Equal((int)ProposalState.Executed, check.OnChainState);
        Assert.Equal(info.BallotSetHash, check.OnChainHash);

        // The founding constitution's hash is anchored too, and equals keccak256 of its API JSON.
        var constitution = await Eventually.Until(() => anchors.Check(AnchorRecord.ConstitutionKey("actor", 1)), c => c.Matches, TimeSpan.FromSeconds(20), "constitution anchored");
        var json = JsonSerializer.SerializeToUtf8Bytes((await dao.GetInfo()).Constitution, GovernanceJson.CreateOptions());
        Assert.Equal(Hex.ToHex(Keccak256.Hash(json)), constitution.OnChainHash);
    }

    [Fact]
    public async Task A_reverting_call_fails_the_execution_with_its_reason_and_nothing_else_applies()
    {
        var dao = await Dao("reverter");
        var before = await chain.Counter.CallAsync<BigInteger>("number");
        var info = await chain.PassAndWait(dao, Voter,
            new TreasuryTransfer("btk", "0x00000000000000000000000000000000000000b3", 30),
            new OnChainCall(ExecutorFixture.ChainId, chain.Counter.Address, 0, Hex.ToHex(SetNumber.EncodeCall((BigInteger)2_000_000))));

        Assert.Equal(ProposalState.Queued, info.State);
        Assert.Contains("Counter: above maximum", info.ExecutionError);
        Assert.Contains(info.Transactions, t => !t.Succeeded && t.Error!.Contains("above maximum"));
        Assert.Equal(before, await chain.Counter.CallAsync<BigInteger>("number"));
        Assert.Equal(100, (await dao.GetInfo()).Treasury["btk"]);
    }

    [Fact]
    public async Task The_audit_logs_running_hash_is_anchored_and_read_back_from_the_contract()
    {
        await Dao("audited"); // founding, its constitution and a fed balance: three privileged acts
        var log = chain.Grains.GetGrain<IAuditLogGrain>(0);
        var queued = await log.AnchorNow();
        Assert.True(queued.AnchoredSeq >= 3);
        Assert.Equal(queued.Hash, queued.AnchoredHash);

        var head = await Eventually.Until(() => log.GetHead(), h => h.Anchor?.Matches == true, TimeSpan.FromSeconds(20),
            "audit anchored");
        Assert.Equal(head.AnchoredHash, head.Anchor!.OnChainHash);
        var onChain = (byte[])(await chain.Executor.ReadAnchor("auditAt", [(BigInteger)queued.AnchoredSeq!.Value]))[0]!;
        Assert.Equal(queued.AnchoredHash, Hex.ToHex(onChain));
        Assert.True((await log.Verify()).Verified);
    }
}
