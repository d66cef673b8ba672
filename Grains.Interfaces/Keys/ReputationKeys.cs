using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A domain's reputation total is kept in <see cref="Shards"/> supply grains, each fed by the addresses that hash to it
/// (<c>{domain}</c> for shard 0, so a total kept before the split stays where it was; <c>{domain}#{k}</c> for the others):
/// a DAO's participation ledger awards thousands of addresses at once, and one grain writing every address's sequence
/// for each of them was the ledger's bottleneck. A reading asks every shard and adds them up.
/// </summary>
public static class ReputationKeys
{
    public const int Shards = 16;

    public static string Supply(string domain, int shard) => shard == 0 ? domain : $"{domain}#{shard}";

    /// <summary>The supply shard an address's awards in <paramref name="domain"/> go to.</summary>
    public static string SupplyOf(string domain, string address) => Supply(domain, BallotShards.Of(address, Shards));

    /// <summary>The domain's total at a timepoint: the sum of its shards, each rounded up, so never below the holders' sum.</summary>
    public static async Task<BigInteger> TotalAt(IGrainFactory grains, string domain, long timepoint)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, Shards)
            .Select(k => grains.GetGrain<IReputationSupplyGrain>(Supply(domain, k)).GetTotal(timepoint)));
        return parts.Aggregate(BigInteger.Zero, (a, b) => a + b);
    }
}
