using System.Collections.Immutable;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// The watcher's side of the Governor mirror for one mirrored range: which addresses and topics to ask the node for,
/// the range's decoded Governor logs per governor, and their hand-over (with the watcher's progress) to the governor grains.
/// </summary>
public sealed class GovernorDispatch
{
    private readonly ChainOptions _chain;
    private readonly IGrainFactory _grains;
    private readonly ILogger _log;
    private readonly Dictionary<string, List<GovernorEvent>> _batches = new(StringComparer.Ordinal);

    public GovernorDispatch(ChainOptions chain, IGrainFactory grains, ILogger log)
    {
        _chain = chain;
        _grains = grains;
        _log = log;
        foreach (var governor in chain.Governors) _batches[governor.Address.ToLowerInvariant()] = [];
    }

    /// <summary>Governor contracts to add to the log filter.</summary>
    public IReadOnlyList<string> Addresses => [.. _batches.Keys];

    /// <summary>
    /// Governor topics to add to the log filter (none without governors, so token-only chains ask for what they did
    /// before).
    /// </summary>
    public IReadOnlyList<string> Topics => _batches.Count == 0 ? [] : GovernorLogs.Topics;

    /// <summary>Takes a log of a governor (true); leaves any other log to the caller (false).</summary>
    public bool Collect(ChainLog entry, long timestamp)
    {
        if (!_batches.TryGetValue(entry.Address.ToLowerInvariant(), out var batch)) return false;
        if (GovernorLogs.Decode(entry, timestamp) is { } decoded) batch.Add(decoded);
        else
            _log.LogWarning("Chain {Chain}: governor log {Block}/{Index} is not a mirrored Governor event; skipped",
                _chain.Id, entry.BlockNumber, entry.LogIndex);
        return true;
    }

    /// <summary>Hands each governor its logs of the range (possibly none: the sync moves its chain time on).</summary>
    public async Task Flush(GovernorSync sync)
    {
        await Task.WhenAll(_batches.Select(b => Governor(_grains, _chain.Id, b.Key).Apply([.. b.Value], sync)));
        foreach (var batch in _batches.Values) batch.Clear();
    }

    /// <summary>Rolls every configured governor of the chain back to the common ancestor of a reorg.</summary>
    public static Task Rollback(ChainOptions chain, IGrainFactory grains, BlockRef ancestor) =>
        Task.WhenAll(chain.Governors.Select(g => Governor(grains, chain.Id, g.Address).Rollback(ancestor.Number + 1, ancestor.Timestamp)));

    private static IMirroredGovernorGrain Governor(IGrainFactory grains, long chainId, string address) =>
        grains.GetGrain<IMirroredGovernorGrain>(MirrorKeys.Governor(chainId, address));
}
