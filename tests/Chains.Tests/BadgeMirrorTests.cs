using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// Badges end to end on a real chain: a participant earns a badge by its DAO's rules, its grain mints it through the
/// executor's timelock, and the watcher mirrors the mint (Transfer from 0x0 joined with BadgeMinted) back as the award's
/// block and transaction; a reorg that drops the mint takes it back, and the grain mints again on the new branch.
/// </summary>
[Collection(BadgeCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class BadgeMirrorTests(ExecutorFixture f)
{
    [Fact]
    public async Task An_earned_badge_is_minted_and_its_mint_mirrored_with_block_transaction_and_token_id()
    {
        var holder = BadgeMints.NewAddress();
        var participant = await Earn("mirror", holder);

        var award = await Mirrored(participant, null);
        var receipt = await f.Dev.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(award.MintTransaction);
        Assert.Equal((long)receipt.BlockNumber.Value, award.MintedBlock);
        Assert.Equal(ExecutorFixture.ChainId, award.Chain);
        var id = BadgeContract.TokenId("mirror", "first-ballot", holder);
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), award.TokenId);
        Assert.Equal(holder, (await f.Badges.CallAsync<string>("ownerOf", id)).ToLowerInvariant());
        Assert.Null(award.MintError);
    }

    [Fact]
    public async Task A_mint_on_a_replaced_branch_is_rolled_back_and_minted_again_on_the_new_branch()
    {
        var holder = BadgeMints.NewAddress();
        var before = await f.CaughtUp();

        // Branch 1: the badge is minted and mirrored, then the branch is thrown away.
        var snapshot = await f.Dev.SnapshotAsync();
        var participant = await Earn("reorg", holder);
        var first = await Mirrored(participant, null);
        Assert.True(await f.Dev.RevertAsync(snapshot));

        // The watcher sees the reorg, the award loses its mint, and the grain mints again on the new branch.
        var again = await Mirrored(participant, first.MintTransaction);
        Assert.Equal(before.Reorgs + 1, (await f.CaughtUp()).Reorgs);
        var receipt = await f.Dev.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(again.MintTransaction);
        Assert.Equal((long)receipt.BlockNumber.Value, again.MintedBlock);
        var id = BadgeContract.TokenId("reorg", "first-ballot", holder);
        Assert.Equal(holder, (await f.Badges.CallAsync<string>("ownerOf", id)).ToLowerInvariant());
        Assert.Equal(BigInteger.One, await f.Badges.CallAsync<BigInteger>("balanceOf", holder));
    }

    /// <summary>A DAO whose only badge is earned by a first ballot, and <paramref name="holder"/>'s first ballot in it.</summary>
    private async Task<IParticipantGrain> Earn(string name, string holder)
    {
        var cls = new ProposalClass
        {
            Name = "standard", QuorumBps = 0, VotingPeriod = TimeSpan.FromMinutes(5), PowerSource = PowerSource.TokenVotes("btk"),
            AllowedActions = ActionKinds.All,
        };
        var badge = new BadgeRule { Id = "first-ballot", Name = "First ballot", Kind = BadgeKind.Ballots, Threshold = 1 };
        var constitution = new Constitution { Classes = [cls], Participation = new ParticipationRules { Badges = [badge] } };
        await f.Grains.GetGrain<IDaoGrain>(name).CreateRoot(new CreateDaoRequest
        {
            DisplayName = name, Constitution = constitution, Treasury = ImmutableDictionary<string, BigInteger>.Empty,
        });
        var participant = f.Grains.GetGrain<IParticipantGrain>(Names.ParticipantKey(name, holder));
        await participant.Record(new ParticipantFact
        {
            Kind = ParticipantFactKind.Voted, Cause = $"vote:{name}/1", ClosedIndex = 1, Points = 1,
        });
        return participant;
    }

    /// <summary>Waits until the badge's mint is mirrored, by a transaction other than <paramref name="not"/>.</summary>
    private static async Task<BadgeAward> Mirrored(IParticipantGrain participant, string? not)
    {
        var info = await Eventually.Until(participant.GetInfo,
            i => i.Badges.Length == 1 && i.Badges[0] is { MintedBlock: not null } b && b.MintTransaction != not,
            what: "badge mint mirrored");
        return info.Badges[0];
    }
}
