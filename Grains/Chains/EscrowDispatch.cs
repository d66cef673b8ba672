using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// The watcher's side of the vote-escrow mirror for one mirrored range: which contracts and topics to ask the node for,
/// the range's LockChanged logs per owner, and their hand-over: first to the owners' lock grains (which answer each
/// owner's lock before each change), then, in log order, to the escrow's supply grain.
/// </summary>
public sealed class EscrowDispatch
{
    private readonly long _chainId;
    private readonly IGrainFactory _grains;
    private readonly Dictionary<string, string> _escrows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Escrow, string Owner), List<EscrowLockChange>> _changes = [];

    public EscrowDispatch(ChainOptions chain, IGrainFactory grains)
    {
        _chainId = chain.Id;
        _grains = grains;
        foreach (var escrow in chain.Escrows) _escrows[escrow.Address.ToLowerInvariant()] = escrow.Token;
    }

    /// <summary>Escrow contracts to add to the log filter.</summary>
    public IReadOnlyList<string> Addresses => [.. _escrows.Keys];

    /// <summary>Escrow topics to add to the log filter (none without escrows, so other chains ask for what they did before).</summary>
    public IReadOnlyList<string> Topics => _escrows.Count == 0 ? [] : EscrowLogs.Topics;

    /// <summary>
    /// Takes a log of an escrow (true) and notes its owner as touched in that block, for a reorg; leaves any other log
    /// to the caller (false).
    /// </summary>
    public bool Collect(ChainLog entry, long timestamp, List<TouchedVoter> touched)
    {
        if (!_escrows.TryGetValue(entry.Address.ToLowerInvariant(), out var escrow)) return false;
        var (owner, lockState, at) = EscrowLogs.DecodeLockChanged(entry);
        if (at != timestamp)
            throw new InvalidOperationException(
                $"chain {_chainId}: LockChanged at block {entry.BlockNumber} says timestamp {at}, the block {timestamp}");
        var key = (escrow, owner);
        if (!_changes.TryGetValue(key, out var list)) _changes[key] = list = [];
        list.Add(new EscrowLockChange(entry.BlockNumber, entry.LogIndex, timestamp, lockState));
        touched.Add(new TouchedVoter(entry.BlockNumber, escrow, owner));
        return true;
    }

    /// <summary>Hands the range's changes over: every owner's lock grain first, then each escrow's supply in log order.</summary>
    public async Task Flush()
    {
        if (_changes.Count == 0) return;
        var answered = await Task.WhenAll(_changes.Select(async c => (c.Key.Escrow, Changes: c.Value,
            Before: await Lock(_grains, c.Key.Escrow, c.Key.Owner).ApplyChainLocks([.. c.Value]))));
        var supply = answered
            .SelectMany(a => a.Changes.Zip(a.Before, (change, before) =>
                (a.Escrow, Change: new EscrowSupplyChange(change.Block, change.LogIndex, change.Timestamp, before, change.Lock))))
            .GroupBy(c => c.Escrow, c => c.Change);
        await Task.WhenAll(supply.Select(s =>
            _grains.GetGrain<IVoteEscrowGrain>(s.Key).ApplyChainChanges([.. s.OrderBy(c => c.Block).ThenBy(c => c.LogIndex)])));
        _changes.Clear();
    }

    /// <summary>Whether a touched entry's token is one of the chain's escrows (else it is a voter's token).</summary>
    public static bool IsEscrow(ChainOptions chain, string token) => chain.Escrows.Any(e => e.Token == token);

    /// <summary>Rolls the touched owners' locks and every escrow supply of the chain back to before <paramref name="fromBlock"/>.</summary>
    public static async Task Rollback(
        ChainOptions chain, IGrainFactory grains, long fromBlock, IEnumerable<(string Escrow, string Owner)> touched)
    {
        await Task.WhenAll(touched.Select(t => Lock(grains, t.Escrow, t.Owner).RollbackChain(fromBlock)));
        await Task.WhenAll(chain.Escrows.Select(e => e.Token).Distinct()
            .Select(e => grains.GetGrain<IVoteEscrowGrain>(e).RollbackChain(fromBlock)));
    }

    private static IEscrowLockGrain Lock(IGrainFactory grains, string escrow, string owner) =>
        grains.GetGrain<IEscrowLockGrain>(EscrowKeys.Lock(escrow, owner));
}
