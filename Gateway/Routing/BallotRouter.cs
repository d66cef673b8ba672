using System.Collections.Concurrent;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// Sends each ballot straight to its voter's shard grain, so a hot proposal's load spreads over its shards'
/// silos instead of queuing at one proposal activation. A proposal's shard count never changes, so it is cached.
/// </summary>
public sealed class BallotRouter(IGrainFactory grains)
{
    private const int MaxCached = 100_000;
    private readonly ConcurrentDictionary<string, int> _shards = new(StringComparer.Ordinal);

    public async Task<BallotReceipt> Cast(string proposal, BallotRequest ballot)
    {
        if (!_shards.TryGetValue(proposal, out var shards))
        {
            // Unknown proposals fail here with proposal-not-found before anything is cached.
            shards = (await grains.GetGrain<IProposalGrain>(proposal).GetVotingTerms()).Shards;
            if (_shards.Count >= MaxCached) _shards.Clear();
            _shards[proposal] = shards;
        }
        return await grains.Shard(proposal, ballot.Voter, shards).CastBallot(ballot);
    }
}
