using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Told of a proposal's changes (tally, state), at most a few times a second: a Gateway holds one per watched proposal and
/// fans it out to its live-tally connections. Subscribed with <see cref="IProposalGrain.Watch"/>, renewed before it expires.
/// </summary>
[Alias("bt.IProposalWatcher")]
public interface IProposalWatcher : IGrainObserver
{
    /// <summary>The proposal as it is now (its tally included); one-way, so a slow or gone watcher never holds the proposal up.</summary>
    [OneWay, Alias("OnChanged")] Task OnChanged(ProposalInfo info);
}
