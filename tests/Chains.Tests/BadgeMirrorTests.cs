using System.Globalization;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// The watcher mirrors badge mints (Transfer from 0x0 joined with BadgeMinted) into the participants' grains, and takes
/// them back when a reorg replaces their blocks. Until the participant grain exists these read what
/// <see cref="RecordingParticipantGrain"/> was told; with it, read each participant's badges with GetInfo instead.
/// </summary>
[Collection(BadgeCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class BadgeMirrorTests(ExecutorFixture f)
{
    [Fact]
    public async Task Mints_are_mirrored_to_their_participants_with_block_transaction_and_token_id()
    {
        // Two badges for two holders in one batch: one transaction, joined per token.
        var (alice, bob) = (BadgeMints.NewAddress(), BadgeMints.NewAddress());
        var tx = (await f.MintAll([("mirror", "first-ballot", alice), ("mirror/grants", "ten-ballots", bob)], $"batch:{alice}")).Executed();
        var block = (long)(await f.Dev.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(tx)).BlockNumber.Value;

        foreach (var (dao, badge, holder) in new[] { ("mirror", "first-ballot", alice), ("mirror/grants", "ten-ballots", bob) })
        {
            var call = Assert.Single(await CallsTo(Names.ParticipantKey(dao, holder), 1));
            Assert.Equal(new ParticipantCall(Names.ParticipantKey(dao, holder), "BadgeMinted", ExecutorFixture.ChainId, block, badge, tx,
                BadgeContract.TokenId(dao, badge, holder).ToString(CultureInfo.InvariantCulture)), call);
        }
        Assert.True((await f.CaughtUp()).Healthy);
    }

    [Fact]
    public async Task A_mint_on_a_replaced_branch_is_rolled_back_and_the_new_branchs_mint_mirrored()
    {
        var (carol, dave) = (BadgeMints.NewAddress(), BadgeMints.NewAddress());
        var (carolKey, daveKey) = (Names.ParticipantKey("reorg", carol), Names.ParticipantKey("reorg", dave));
        var before = await f.CaughtUp();

        // Branch 1: Carol's badge, mirrored, then thrown away.
        var snapshot = await f.Dev.SnapshotAsync();
        (await f.Mint("reorg", "first-ballot", carol)).Executed();
        var minted = Assert.Single(await CallsTo(carolKey, 1));
        var branch1 = await f.Dev.BlockNumberAsync();

        // Branch 2 from the same parent: Dave's badge instead, and longer.
        Assert.True(await f.Dev.RevertAsync(snapshot));
        var tx = (await f.Mint("reorg", "first-ballot", dave)).Executed();
        var block = (long)(await f.Dev.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(tx)).BlockNumber.Value;
        while (await f.Dev.BlockNumberAsync() <= branch1 + 2) await f.Dev.MineAsync();

        var after = await f.CaughtUp();
        Assert.Equal(before.Reorgs + 1, after.Reorgs);
        var carolCalls = await CallsTo(carolKey, 2);
        Assert.Equal("RollbackBadges", carolCalls[1].Method);
        Assert.Equal(ExecutorFixture.ChainId, carolCalls[1].Chain);
        Assert.True(carolCalls[1].Block <= minted.Block, $"rolled back from {carolCalls[1].Block}, minted in {minted.Block}");
        var daveCall = Assert.Single(await CallsTo(daveKey, 1));
        Assert.Equal(("BadgeMinted", block, tx), (daveCall.Method, daveCall.Block, daveCall.Transaction));
        Assert.Equal($"ERC721NonexistentToken({BadgeContract.TokenId("reorg", "first-ballot", carol)})",
            await f.Badges.RevertOf("ownerOf", carol, BadgeContract.TokenId("reorg", "first-ballot", carol)));
    }

    private static Task<List<ParticipantCall>> CallsTo(string participant, int count) =>
        Eventually.Until(() => Task.FromResult(RecordingParticipantGrain.Calls.Where(c => c.Participant == participant).ToList()),
            calls => calls.Count >= count, what: $"{count} call(s) to participant {participant}");
}
