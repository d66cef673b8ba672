using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// A rewards budget held as ERC-20 by the chain's timelock: at the epoch's close the shares go out as one timelock batch of
/// transfers, and what lands on chain equals the allocation the cluster recorded.
/// </summary>
[Trait("Category", TestCategory.Chain)]
public sealed class RewardsOnChainTests(ExecutorFixture chain) : IClassFixture<ExecutorFixture>
{
    private const long EpochSeconds = 60;
    private static readonly string[] Voters =
    [
        "0x00000000000000000000000000000000000000c1", "0x00000000000000000000000000000000000000c2",
        "0x00000000000000000000000000000000000000c3",
    ];

    [Fact]
    public async Task An_epoch_pays_its_shares_as_one_batch_of_erc20_transfers_equal_to_the_allocation()
    {
        var btk = await chain.Dev.DeployAsync("BlocktrackToken", DevAccounts.Deployer, DevAccounts.DeployerAddress);
        await btk.SucceedAsync(DevAccounts.Deployer, "mint", chain.Timelock, (BigInteger)10_000);
        var dao = await Dao("chain-rewards");

        // Propose early enough in a minute-long epoch that the vote closes and the budget starts in the same epoch.
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % EpochSeconds > 40) await Task.Delay(500);
        var epoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / EpochSeconds;
        var proposal = await dao.Propose(new ProposalDraft
        {
            Proposer = Voters[0], Class = "onchain", Title = "rewards on the L3", Digest = Digest("p"),
            Actions = [new FundRewards("btk-l3", 900, 2, ExecutorFixture.ChainId, btk.Address)],
        });
        var grain = chain.Grains.GetGrain<IProposalGrain>(proposal.Id);
        await Eventually.Until(() => grain.GetInfo(), i => i.State == ProposalState.Active, TimeSpan.FromSeconds(10), "voting open");
        foreach (var voter in Voters)
        {
            await chain.Grains.Shard(proposal.Id, voter, proposal.BallotShards).CastBallot(new BallotRequest
            {
                Voter = voter, Support = Support.For, Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Digest = Digest(voter),
                Signature = "0x",
            });
        }
        await Eventually.Until(() => grain.GetInfo(), i => i.State == ProposalState.Executed, TimeSpan.FromSeconds(30), "executed");
        var budget = Assert.Single((await dao.GetInfo()).RewardBudgets);
        Assert.Equal(epoch, budget.FirstEpoch);

        // The proposer earns 1 + 3 points, the others 1 each: 900 shares as 600, 150, 150.
        var epochGrain = chain.Grains.GetGrain<IRewardEpochGrain>(Names.EpochKey("chain-rewards", epoch));
        var paid = (await Eventually.Until(() => InfoOrNull(epochGrain),
            e => e?.State == RewardEpochState.Paid || e?.PaymentError is not null, TimeSpan.FromSeconds(EpochSeconds + 30), "epoch paid"))!;
        Assert.Null(paid.PaymentError);
        Assert.Equal([(Voters[0], 600), (Voters[1], 150), (Voters[2], 150)], paid.Allocation.Select(a => (a.Address, (int)a.Amounts[0])));
        var batch = Assert.Single(paid.Transactions);
        Assert.True(batch.Succeeded);

        foreach (var share in paid.Allocation)
        {
            Assert.Equal(share.Amounts[0], await btk.CallAsync<BigInteger>("balanceOf", share.Address));
            var key = Names.ParticipantKey("chain-rewards", share.Address);
            var participant = await chain.Grains.GetGrain<IParticipantGrain>(key).GetInfo();
            var credit = Assert.Single(participant.Rewards);
            Assert.Equal((share.Amounts[0], batch.Hash), (credit.Amount, credit.Transaction));
        }
        Assert.Equal(10_000 - 900, await btk.CallAsync<BigInteger>("balanceOf", chain.Timelock));
        Assert.Equal(100, (await dao.GetInfo()).Treasury["btk-l3"]);

        // Settling again sends nothing more.
        await epochGrain.Settle();
        Assert.Equal(600, await btk.CallAsync<BigInteger>("balanceOf", Voters[0]));
    }

    private async Task<IDaoGrain> Dao(string name)
    {
        var cls = ExecutorFixture.OnChainClass($"{name}-btk");
        var dao = chain.Grains.GetGrain<IDaoGrain>(name);
        await dao.CreateRoot(new CreateDaoRequest
        {
            DisplayName = name,
            Constitution = new Constitution
            {
                Classes = [cls],
                Participation = new ParticipationRules
                {
                    EpochSeconds = EpochSeconds, SettleSeconds = 2, VotePoints = 1, ProposalPassedPoints = 3, MinVotingPower = 1,
                },
            },
            Treasury = ImmutableDictionary<string, BigInteger>.Empty.Add("btk-l3", 1000),
        });
        foreach (var voter in Voters)
        {
            var grain = chain.Grains.GetGrain<IVoterGrain>(voter);
            await grain.RecordBalance($"{name}-btk", DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, 10);
            await grain.Delegate($"{name}-btk", voter);
        }
        return dao;
    }

    /// <summary>Null until something has been earned in the epoch (before, it is epoch-not-found).</summary>
    private static async Task<RewardEpochInfo?> InfoOrNull(IRewardEpochGrain epoch)
    {
        try
        {
            return await epoch.GetInfo(0, 10);
        }
        catch (GovernanceException e) when (e.Error == GovernanceError.EpochNotFound)
        {
            return null;
        }
    }

    private static string Digest(string s) => Hex.ToHex(Keccak256.Hash(s + Guid.NewGuid()));
}
