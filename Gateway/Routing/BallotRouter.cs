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
    private const int Attempts = 3;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
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
        var shard = grains.Shard(proposal, ballot.Voter, shards);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var receipt = await shard.CastBallot(ballot);
                // An earlier attempt of this very request was counted after all: that is its success, not a replay.
                return attempt > 1 && receipt.Duplicate ? receipt with { Duplicate = false } : receipt;
            }
            catch (OrleansMessageRejectionException) when (attempt < Attempts)
            {
                // The shard's silo was leaving (SIGTERM on scale-in or an upgrade) and refused the call, or a call the
                // shard made on the way; the shard comes back elsewhere within moments. Sending the same ballot again is
                // safe: a shard answers an identical ballot with its earlier receipt. Without this the client got a 503.
                await Task.Delay(RetryDelay * attempt);
            }
        }
    }
}
