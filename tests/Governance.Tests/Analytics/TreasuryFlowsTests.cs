using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests.Analytics;

[Trait("Category", TestCategory.Fast)]
public sealed class TreasuryFlowsTests
{
    private static ImmutableDictionary<string, BigInteger> Holdings(params (string Asset, int Amount)[] h) =>
        h.ToImmutableDictionary(x => x.Asset, x => (BigInteger)x.Amount);

    [Fact]
    public void Each_change_of_a_holding_is_an_inflow_or_an_outflow_of_its_month_and_of_all_time()
    {
        var november = DateTimeOffset.Parse("2026-11-30T23:59:59Z").ToUnixTimeSeconds();
        var flows = ImmutableDictionary<string, AssetFlow>.Empty;
        flows = TreasuryFlows.Record(flows, Holdings(), Holdings(("btk", 1000)), november);
        flows = TreasuryFlows.Record(flows, Holdings(("btk", 1000)), Holdings(("btk", 700), ("eth", 5)), november);
        flows = TreasuryFlows.Record(flows, Holdings(("btk", 700), ("eth", 5)), Holdings(("btk", 900)), november + 1);
        Assert.Equal([new AssetFlow { Asset = "btk", In = 1000, Out = 300 }, new AssetFlow { Asset = "eth", In = 5 }],
            TreasuryFlows.Of(flows, "2026-11").ToArray());
        Assert.Equal([new AssetFlow { Asset = "btk", In = 200 }, new AssetFlow { Asset = "eth", Out = 5 }],
            TreasuryFlows.Of(flows, "2026-12").ToArray());
        Assert.Equal([new AssetFlow { Asset = "btk", In = 1200, Out = 300 }, new AssetFlow { Asset = "eth", In = 5, Out = 5 }],
            TreasuryFlows.Of(flows, Periods.All).ToArray());
        Assert.Empty(TreasuryFlows.Of(flows, "2026-10"));
    }
}
