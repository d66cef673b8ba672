using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Treasury;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// The mirror of an on-chain treasury on its own: movements apply once even when a range is mirrored again, final ones
/// move to archive pages that read back seamlessly, a rollback drops only unfinal blocks, and the DAO hears every change.
/// </summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ChainTreasuryTests(FakeClockClusterFixture fixture)
{
    private static TreasuryMovement In(long block, int index, int amount) => new()
    {
        Block = block, LogIndex = index, Kind = TreasuryMovementKind.In, Asset = "btk", Amount = amount, Counterparty = DaoScenario.Address(1),
    };

    [Fact]
    public async Task Movements_apply_once_archive_in_pages_and_roll_back_only_above_the_final_block()
    {
        var mirror = fixture.Grains.GetGrain<IChainTreasuryGrain>("archive-test");
        // 600 deposits of 1..600 over 300 blocks, handed over in three ranges; the second is handed over twice.
        var ranges = Enumerable.Range(0, 3).Select(r => Enumerable.Range(r * 200, 200)
            .Select(i => In(1 + i / 2, i % 2, i + 1)).ToImmutableArray()).ToList();
        await mirror.Apply(ranges[0], finalBelow: 0);
        await mirror.Apply(ranges[1], finalBelow: 150);
        await mirror.Apply(ranges[1], finalBelow: 150);
        await mirror.Apply(ranges[2], finalBelow: 290);

        var total = new BigInteger(600 * 601 / 2);
        var all = await ReadAll(mirror);
        Assert.Equal(600, all.Count);
        Assert.Equal(Enumerable.Range(1, 600).Select(i => (BigInteger)i), all.Select(m => m.Amount));
        Assert.Equal(total, (await mirror.GetLedger(0, 1)).Balances["btk"]);
        // A page that straddles an archive page and the unfinal tail reads as one.
        var straddling = await mirror.GetLedger(ChainTreasuryGrain.PageSize - 3, 300);
        Assert.Equal(Enumerable.Range(ChainTreasuryGrain.PageSize - 2, 300).Select(i => (BigInteger)i), straddling.Items.Select(m => m.Amount));

        // Blocks 295.. are unfinal: a reorg there drops them; below the final block it is refused.
        await mirror.Rollback(295);
        var dropped = Enumerable.Range(589, 12).Sum();
        Assert.Equal(total - dropped, (await mirror.GetLedger(0, 1)).Balances["btk"]);
        Assert.Equal(588, (await mirror.GetLedger(0, 1)).Total);
        await Assert.ThrowsAsync<InvalidOperationException>(() => mirror.Rollback(100));
        await Assert.ThrowsAsync<GovernanceException>(() => mirror.GetLedger(-1, 10));
    }

    private static async Task<List<TreasuryMovement>> ReadAll(IChainTreasuryGrain mirror)
    {
        var all = new List<TreasuryMovement>();
        for (var offset = 0; ; offset += 170)
        {
            var page = await mirror.GetLedger(offset, 170);
            all.AddRange(page.Items);
            if (offset + 170 >= page.Total) return all;
        }
    }
}
