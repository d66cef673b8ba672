using System.Globalization;
using System.Numerics;
using Blocktrack.Chain.Abi;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// The watcher's side of the badge mirror for one mirrored range: the logs of the chain's badge contract
/// (<c>Chains:N:Executor:Badges</c>), its mints — a Transfer from the zero address joined with the BadgeMinted of the
/// same transaction and token, which names the DAO and the badge — and their hand-over to the participants' grains.
/// </summary>
public sealed class BadgeDispatch(ChainOptions chain, IGrainFactory grains, ILogger log)
{
    private readonly string _contract = chain.Executor.Badges.ToLowerInvariant();
    private readonly Dictionary<(string Transaction, BigInteger TokenId), string> _transfers = [];
    private readonly List<Mint> _mints = [];

    private sealed record Mint(long Block, string Transaction, BigInteger TokenId, string To, string Dao, string Badge);

    /// <summary>
    /// The contract's logs of the range, asked for on their own: its Transfer topic is also BTK's, and a shared filter
    /// would fetch every BTK transfer of the chain with it. None (and no call) without a badge contract.
    /// </summary>
    public async Task<IReadOnlyList<ChainLog>> Logs(IChainReader reader, long from, long to) =>
        _contract.Length == 0 ? [] : await reader.Logs(from, to, [_contract], BadgeLogs.Topics);

    /// <summary>Takes a log of the badge contract (true), noting a mint's participant as touched; leaves others (false).</summary>
    public bool Collect(ChainLog entry, List<TouchedParticipant> touched)
    {
        if (_contract.Length == 0 || !string.Equals(entry.Address, _contract, StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            if (BadgeLogs.IsTransfer(entry))
            {
                var (from, to, tokenId) = BadgeLogs.DecodeTransfer(entry);
                // Badges never move, so a Transfer from anyone but nobody is not ours to mirror.
                if (from == BadgeLogs.Zero) _transfers[(entry.TransactionHash, tokenId)] = to;
            }
            else if (BadgeLogs.IsBadgeMinted(entry))
            {
                var (to, tokenId, dao, badge) = BadgeLogs.DecodeBadgeMinted(entry);
                if (!Names.IsDaoPath(dao) || !Addresses.IsCanonical(to))
                    log.LogWarning("Chain {Chain}: badge {Badge} minted for DAO '{Dao}' to {To} names no participant; skipped",
                        chain.Id, badge, dao, to);
                else
                {
                    _mints.Add(new Mint(entry.BlockNumber, entry.TransactionHash, tokenId, to, dao, badge));
                    touched.Add(new TouchedParticipant(entry.BlockNumber, Names.ParticipantKey(dao, to)));
                }
            }
        }
        catch (AbiException e)
        {
            log.LogWarning("Chain {Chain}: badge log {Block}/{Index} is malformed ({Error}); skipped", chain.Id, entry.BlockNumber,
                entry.LogIndex, e.Message);
        }
        return true;
    }

    /// <summary>Tells each minted badge's participant; a mint whose two logs do not agree stops the watcher with why.</summary>
    public async Task Flush()
    {
        foreach (var mint in _mints)
        {
            if (!_transfers.TryGetValue((mint.Transaction, mint.TokenId), out var to) || to != mint.To)
                throw new InvalidOperationException($"chain {chain.Id}: BadgeMinted of token {mint.TokenId} to {mint.To} in "
                    + $"{mint.Transaction} has no Transfer from 0x0 to that holder (is {_contract} a BlocktrackBadges contract?)");
        }
        await Task.WhenAll(_mints.Select(m => Participant(grains, Names.ParticipantKey(m.Dao, m.To))
            .BadgeMinted(m.Badge, chain.Id, m.Block, m.Transaction, m.TokenId.ToString(CultureInfo.InvariantCulture))));
        _mints.Clear();
        _transfers.Clear();
    }

    /// <summary>Tells every participant whose mint was mirrored at or after <paramref name="fromBlock"/> that it is gone.</summary>
    public static Task Rollback(long chainId, IGrainFactory grains, long fromBlock, IEnumerable<TouchedParticipant> touched) =>
        Task.WhenAll(touched.Where(t => t.Block >= fromBlock).Select(t => t.Participant).Distinct()
            .Select(p => Participant(grains, p).RollbackBadges(chainId, fromBlock)));

    private static IParticipantGrain Participant(IGrainFactory grains, string key) => grains.GetGrain<IParticipantGrain>(key);
}
