using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Voters;

/// <summary>
/// Reads voting power and votable power of a power source at a timepoint: each strategy from its own checkpoints
/// (never a scan of voters), scaled by its multiplier, summed. <c>dao</c> is the DAO the power is read for (the
/// proposal's), the default domain of reputation.
/// </summary>
public static class PowerReader
{
    /// <summary>A voter's token votes at a timepoint, per token: from its activation, or from its stored state.</summary>
    public delegate Task<BigInteger> TokenVotes(string voter, string token, long timepoint);

    /// <summary>Token votes read from the voter's activation.</summary>
    private static TokenVotes FromVoterGrains(IGrainFactory grains) =>
        (voter, token, timepoint) => grains.GetGrain<IVoterGrain>(voter).GetVotes(token, timepoint);

    public static Task<BigInteger> VotesAt(IGrainFactory grains, PowerSource source, string dao, string voter, long timepoint) =>
        VotesAt(grains, FromVoterGrains(grains), source, dao, voter, timepoint);

    /// <summary>The same, with token votes read by <paramref name="tokenVotes"/>.</summary>
    public static async Task<BigInteger> VotesAt(
        IGrainFactory grains, TokenVotes tokenVotes, PowerSource source, string dao, string voter, long timepoint)
    {
        var parts = source.Parts();
        if (parts.Length == 1) return Scaled(parts[0], await PartVotesAt(grains, tokenVotes, parts[0], dao, voter, timepoint));
        var votes = await Task.WhenAll(parts.Select(async p => Scaled(p, await PartVotesAt(grains, tokenVotes, p, dao, voter, timepoint))));
        return votes.Aggregate(BigInteger.Zero, (a, b) => a + b);
    }

    public static async Task<BigInteger> VotableAt(IGrainFactory grains, PowerSource source, string dao, long timepoint)
    {
        var totals = await Task.WhenAll(source.Parts().Select(async p => Scaled(p, await PartVotableAt(grains, p, dao, timepoint))));
        return totals.Aggregate(BigInteger.Zero, (a, b) => a + b);
    }

    /// <summary>
    /// The token of a source that is one token's votes and nothing else (the common class), else null: its power is then
    /// <see cref="Scaled"/> votes of that token, read without the general path's per-part tasks.
    /// </summary>
    public static string? SoleToken(PowerSource source) =>
        !source.Strategies.IsDefaultOrEmpty || source.Kind != PowerSourceKind.TokenVotes ? null
        : source.Tokens.IsDefaultOrEmpty ? source.Token
        : source.Tokens.Length == 1 ? source.Tokens[0]
        : null;

    /// <summary>Rounded down per strategy, so the votable total is never below the sum of the voters' power.</summary>
    public static BigInteger Scaled(PowerSource part, BigInteger power) =>
        part.MultiplierBps == 10_000 ? power : power * part.MultiplierBps / 10_000;

    private static async Task<BigInteger> PartVotesAt(
        IGrainFactory grains, TokenVotes tokenVotes, PowerSource part, string dao, string voter, long timepoint)
    {
        switch (part.Kind)
        {
            case PowerSourceKind.Whitelist:
                return part.Weights.GetValueOrDefault(voter);
            case PowerSourceKind.TokenVotes:
                var tokens = part.AllTokens();
                if (tokens.Length == 1) return await tokenVotes(voter, tokens[0], timepoint);
                var votes = await Task.WhenAll(tokens.Select(t => tokenVotes(voter, t, timepoint)));
                return votes.Aggregate(BigInteger.Zero, (a, b) => a + b);
            case PowerSourceKind.Reputation:
                return await grains.GetGrain<IReputationGrain>(voter).GetReputation(ReputationDomain(part, dao), timepoint);
            case PowerSourceKind.VoteEscrow:
                // The owner's lock at the snapshot, decayed to it: one binary search per escrow.
                var locks = await Task.WhenAll(part.AllTokens().Select(e =>
                    grains.GetGrain<IEscrowLockGrain>(EscrowKeys.Lock(e, voter)).GetPower(timepoint)));
                return locks.Aggregate(BigInteger.Zero, (a, b) => a + b);
            default:
                throw new ArgumentOutOfRangeException(nameof(part), part.Kind, "unknown power source kind");
        }
    }

    private static async Task<BigInteger> PartVotableAt(IGrainFactory grains, PowerSource part, string dao, long timepoint)
    {
        switch (part.Kind)
        {
            case PowerSourceKind.Whitelist:
                return part.Weights.Values.Aggregate(BigInteger.Zero, (a, b) => a + b);
            case PowerSourceKind.TokenVotes:
                var totals = await Task.WhenAll(part.AllTokens().Select(t => grains.GetGrain<ITokenSupplyGrain>(t).GetVotable(timepoint)));
                return totals.Aggregate(BigInteger.Zero, (a, b) => a + b);
            case PowerSourceKind.Reputation:
                return await ReputationKeys.TotalAt(grains, ReputationDomain(part, dao), timepoint);
            case PowerSourceKind.VoteEscrow:
                // The escrow's supply points walked to the snapshot, as the contract's totalSupplyAt does.
                var supplies = await Task.WhenAll(part.AllTokens().Select(e => grains.GetGrain<IVoteEscrowGrain>(e).GetSupply(timepoint)));
                return supplies.Aggregate(BigInteger.Zero, (a, b) => a + b);
            default:
                throw new ArgumentOutOfRangeException(nameof(part), part.Kind, "unknown power source kind");
        }
    }

    /// <summary>The reputation domain a strategy reads: its own, or the proposal's DAO when it names none.</summary>
    private static string ReputationDomain(PowerSource part, string dao) => part.Domain.Length == 0 ? dao : part.Domain;
}
