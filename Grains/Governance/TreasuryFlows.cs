using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// A treasury's flows per asset and period (a UTC month and all time): what came in and went out between two readings of
/// its holdings, kept by <c>{period}|{asset}</c> so a report reads them without a pass over any history.
/// </summary>
public static class TreasuryFlows
{
    public static string Key(string period, string asset) => $"{period}|{asset}";

    /// <summary>Adds each asset's change between two readings to the flows of the month of <paramref name="at"/> and of all time.</summary>
    public static ImmutableDictionary<string, AssetFlow> Record(ImmutableDictionary<string, AssetFlow> flows,
        IReadOnlyDictionary<string, BigInteger> before, IReadOnlyDictionary<string, BigInteger> after, long at)
    {
        foreach (var asset in before.Keys.Union(after.Keys))
        {
            var delta = after.GetValueOrDefault(asset) - before.GetValueOrDefault(asset);
            if (delta.IsZero) continue;
            foreach (var period in new[] { Periods.MonthOf(at), Periods.All })
            {
                var f = flows.GetValueOrDefault(Key(period, asset)) ?? new AssetFlow { Asset = asset };
                flows = flows.SetItem(Key(period, asset), delta.Sign > 0 ? f with { In = f.In + delta } : f with { Out = f.Out - delta });
            }
        }
        return flows;
    }

    public static ImmutableArray<AssetFlow> Of(ImmutableDictionary<string, AssetFlow> flows, string period) =>
        [.. flows.Where(f => f.Key.StartsWith(period + "|", StringComparison.Ordinal)).Select(f => f.Value)
            .OrderBy(f => f.Asset, StringComparer.Ordinal)];
}
