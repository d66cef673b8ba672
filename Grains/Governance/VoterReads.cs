using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// What a voter's state says about a past timepoint, the same whether the voter's activation answers or a ballot shard
/// reads the stored state (<c>StoredVoters</c>).
/// </summary>
public static class VoterReads
{
    /// <summary>Votes delegated to the voter at <paramref name="timepoint"/>: the chain's mirrored votes when there are any.</summary>
    public static BigInteger VotesAt(VoterState state, string token, long timepoint) => VotesAt(state.Tokens, token, timepoint);

    /// <summary>The same, from a voter's token positions alone (<see cref="VoterPowerState"/>).</summary>
    public static BigInteger VotesAt(IReadOnlyDictionary<string, TokenPosition> tokens, string token, long timepoint)
    {
        if (!tokens.TryGetValue(token, out var p)) return BigInteger.Zero;
        return p.ChainVotes.Count > 0 ? ChainHistory.ValueAt(p.ChainVotes, timepoint) : CheckpointHistory.ValueAt(p.Votes, timepoint);
    }

    /// <summary>The voter's own balance at <paramref name="timepoint"/> and to whom it was delegated then.</summary>
    public static DelegationAt DelegationAt(VoterState state, string token, long timepoint) =>
        DelegationAt(state.Tokens, token, timepoint);

    /// <summary>The same, from a voter's token positions alone (<see cref="VoterPowerState"/>).</summary>
    public static DelegationAt DelegationAt(IReadOnlyDictionary<string, TokenPosition> tokens, string token, long timepoint)
    {
        if (!tokens.TryGetValue(token, out var p)) return new DelegationAt();
        return new DelegationAt
        {
            Delegate = DelegationRules.DelegateAt(p.DelegateHistory, p.Delegate, timepoint),
            Balance = CheckpointHistory.ValueAt(p.Balance, timepoint),
        };
    }
}
