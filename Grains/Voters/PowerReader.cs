using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Voters;

/// <summary>Reads voting power and votable power of a power source at a timepoint, summing tokens across chains.</summary>
public static class PowerReader
{
    public static async Task<BigInteger> VotesAt(IGrainFactory grains, PowerSource source, string voter, long timepoint)
    {
        if (source.Kind == PowerSourceKind.Whitelist) return source.Weights.GetValueOrDefault(voter);
        var voterGrain = grains.GetGrain<IVoterGrain>(voter);
        var tokens = source.AllTokens();
        if (tokens.Length == 1) return await voterGrain.GetVotes(tokens[0], timepoint);
        var votes = await Task.WhenAll(tokens.Select(t => voterGrain.GetVotes(t, timepoint)));
        return votes.Aggregate(BigInteger.Zero, (a, b) => a + b);
    }

    public static async Task<BigInteger> VotableAt(IGrainFactory grains, PowerSource source, long timepoint)
    {
        if (source.Kind == PowerSourceKind.Whitelist) return source.Weights.Values.Aggregate(BigInteger.Zero, (a, b) => a + b);
        var totals = await Task.WhenAll(source.AllTokens().Select(t => grains.GetGrain<ITokenSupplyGrain>(t).GetVotable(timepoint)));
        return totals.Aggregate(BigInteger.Zero, (a, b) => a + b);
    }
}
