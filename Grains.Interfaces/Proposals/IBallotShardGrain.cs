using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// The ballots of one slice of a proposal's voters, keyed <c>{proposal}/{shard}</c>: append-only, sealed at the
/// deadline.
/// </summary>
[Alias("bt.IBallotShardGrain")]
public interface IBallotShardGrain : IGrainWithStringKey
{
    /// <summary>Counts a verified ballot exactly once; answers once the ballot is durable.</summary>
    [Alias("CastBallot")] Task<BallotReceipt> CastBallot(BallotRequest ballot);

    /// <summary>This shard's tally of durable ballots.</summary>
    [Alias("GetTally")] Task<Tally> GetTally();

    /// <summary>This shard's current ballots ordered by voter: the first <paramref name="count"/>.</summary>
    [Alias("GetBallots")] Task<ImmutableArray<Ballot>> GetBallots(int count);

    /// <summary>
    /// This shard's ballots in voter order, the first <paramref name="limit"/> after voter <paramref name="after"/> (null: from
    /// the start).
    /// </summary>
    [Alias("GetBallotPage")] Task<ImmutableArray<Ballot>> GetBallotPage(string? after, int limit);

    /// <summary>Delegator-override classes: the counted ballots that take a balance out of a delegate's ballot.</summary>
    [Alias("GetOverrides")] Task<ImmutableArray<BallotOverride>> GetOverrides();

    /// <summary>The counted ballots of these voters (those that voted), for taking overrides out of them.</summary>
    [Alias("GetBallotsOf")] Task<ImmutableArray<Ballot>> GetBallotsOf(ImmutableArray<string> voters);

    /// <summary>Closes the shard for good once everything accepted is durable; returns its final count.</summary>
    [Alias("Seal")] Task<ShardResult> Seal();

    /// <summary>Once sealed: the voter's ballot with its path to this shard's root; null when the voter has no ballot here.</summary>
    [Alias("GetProof")] Task<ShardProof?> GetProof(string voter);

    /// <summary>Once sealed: this shard's Merkle root.</summary>
    [Alias("GetRoot")] Task<string> GetRoot();
}
