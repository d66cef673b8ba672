using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>BTK voting power moved on both chains is mirrored exactly: per voter, per chain, summed across chains, and in total.</summary>
[Collection(ChainsCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class PowerMirrorTests(ChainsFixture f)
{
    [Fact]
    public async Task Minted_delegated_and_transferred_votes_on_both_chains_equal_getPastVotes_and_sum_across_chains()
    {
        // The same six accounts on both chains, each chain moving their tokens differently.
        var keys = new List<byte[]>();
        for (var i = 0; i < 6; i++) keys.Add(DevAccounts.NewKey());
        var holders = keys.Select(DevAccounts.AddressOf).ToList();
        var voters = holders.Concat(DevAccounts.Keys[1..5].Select(DevAccounts.AddressOf)).ToList();
        // Each chain's timepoints come back from WhenAll: both moves run at once, so neither writes to a shared dictionary.
        var moved = await Task.WhenAll(f.Both.Select(async chain => (chain.Id, Times: await MoveVotes(chain, keys, chain == f.A ? 1 : 7))));
        var timepoints = moved.ToDictionary(m => m.Id, m => m.Times);

        foreach (var chain in f.Both)
            await f.AssertMirrored(chain, voters, timepoints[chain.Id]);

        // A proposal whose class sums both chains: its snapshot lies after everything above on both chains' clocks.
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var lead = (await Task.WhenAll(f.Both.Select(c => c.Latest()))).Max(b => b.Timestamp) - now;
        var dao = new CrossChainDao(f.Grains, $"xchain-{Guid.NewGuid():N}"[..20], [f.A.Token, f.B.Token]);
        await dao.Create(TimeSpan.FromSeconds(Math.Max(1, lead + 1)));
        var proposal = await dao.Propose(voters[^1]);
        var snapshot = proposal.Snapshot.ToUnixTimeSeconds();
        Assert.Equal(ProposalState.Pending, proposal.State);

        // Voting opens only once both watchers have mirrored a block past the snapshot.
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() <= snapshot + 1) await Task.Delay(100);
        foreach (var chain in f.Both) await chain.Dev.MineAsync();
        var active = await Eventually.Until(() => f.Grains.GetGrain<IProposalGrain>(proposal.Id).GetInfo(),
            // The state is read off the clock; the votable power is loaded by the proposal's own wake-up just after it.
            p => p.State == ProposalState.Active && p.VotableSupply is not null, what: "cross-chain proposal active");

        var votable = CrossChainDao.Sum(await Task.WhenAll(f.Both.Select(c => c.VotablePower(snapshot))));
        Assert.Equal(votable, active.VotableSupply);
        foreach (var voter in voters)
        {
            var expected = CrossChainDao.Sum(await Task.WhenAll(f.Both.Select(c => c.PastVotes(voter, snapshot))));
            if (expected.IsZero)
            {
                var refused = await Assert.ThrowsAsync<GovernanceException>(() => dao.Vote(proposal.Id, voter));
                Assert.Equal(GovernanceError.InsufficientPower, refused.Error);
                continue;
            }
            Assert.Equal(expected, (await dao.Vote(proposal.Id, voter)).Weight);
        }
    }

    /// <summary>Mints, delegates, transfers and redelegates with the chain's clock moving on; answers timepoints worth checking.</summary>
    private static async Task<List<long>> MoveVotes(TestChain chain, IReadOnlyList<byte[]> keys, int scale)
    {
        var a = keys.Select(DevAccounts.AddressOf).ToList();
        foreach (var key in keys)
            await chain.Dev.SetBalance(DevAccounts.AddressOf(key), System.Numerics.BigInteger.Pow(10, 21));
        var times = new List<long>();
        async Task Mark()
        {
            var t = (await chain.Latest()).Timestamp;
            times.AddRange([t - 1, t]);
            await chain.AdvanceTime(1);
        }

        for (var i = 0; i < keys.Count; i++)
            await chain.Send(chain.Btk, DevAccounts.Deployer, "mint", a[i], new BigInteger(100 * (i + 1) * scale));
        await chain.Send(chain.Btk, keys[0], "delegate", a[0]);
        await chain.Send(chain.Btk, keys[1], "delegate", a[1]);
        await chain.Send(chain.Btk, keys[2], "delegate", a[0]);
        await chain.Send(chain.Btk, keys[3], "delegate", a[1]);
        await chain.Send(chain.Btk, keys[4], "delegate", a[4]);
        await Mark();

        await chain.Send(chain.Btk, keys[0], "transfer", a[5], new BigInteger(30 * scale));  // to an undelegated holder: votes vanish
        await chain.Send(chain.Btk, keys[2], "transfer", a[1], new BigInteger(50 * scale));  // a[0]'s delegated votes move to a[1]
        await chain.Send(chain.Btk, keys[4], "transfer", a[0], new BigInteger(10 * scale));
        await chain.Send(chain.Btk, keys[3], "delegate", a[4]);                               // redelegation moves a[3]'s whole balance
        await Mark();

        await chain.Send(chain.Btk, keys[5], "delegate", a[5]);
        await chain.Send(chain.Btk, keys[1], "transfer", a[3], new BigInteger(20 * scale));
        await chain.Send(chain.Btk, keys[2], "delegate", TestChain.EthZero);                  // undelegating removes a[2]'s votes from a[0]
        await Mark();
        return times;
    }
}
