using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Participation;

/// <summary>
/// Badges on the L3: an awarded badge is minted through the executor's timelock (idempotent per badge and address), and
/// counts as held once the chain watcher has mirrored its mint; a reorg that drops the mint sends it again.
/// </summary>
public sealed partial class ParticipantGrain
{
    private static readonly TimeSpan MintRetry = TimeSpan.FromSeconds(10);
    private IGrainTimer? _mintTimer;

    public async Task BadgeMinted(string badge, long chain, long block, string transaction, string tokenId)
    {
        var i = S.Badges.FindIndex(b => b.Badge == badge);
        // A mint the cluster did not award (or one of another token) is not this grain's to record.
        if (i < 0 || S.Badges[i].TokenId != tokenId || S.Badges[i].Chain != chain) return;
        if (S.Badges[i].MintedBlock == block) return;
        S.Badges[i] = S.Badges[i] with { MintedBlock = block, MintTransaction = transaction, MintError = null };
        await state.WriteStateAsync();
    }

    public async Task RollbackBadges(long chain, long fromBlock)
    {
        var changed = false;
        for (var i = 0; i < S.Badges.Count; i++)
        {
            if (S.Badges[i].Chain != chain || S.Badges[i].MintedBlock is not { } block || block < fromBlock) continue;
            S.Badges[i] = S.Badges[i] with { MintedBlock = null, MintTransaction = null };
            changed = true;
        }
        if (!changed) return;
        await state.WriteStateAsync();
        ScheduleMint(TimeSpan.Zero);
    }

    /// <summary>Badges to send to the chain: awarded with a contract, not mirrored, and not already sent successfully.</summary>
    private IEnumerable<int> PendingMints() =>
        Enumerable.Range(0, S.Badges.Count).Where(i => S.Badges[i] is { Chain: not null, MintedBlock: null, MintTransaction: null });

    private void ScheduleMint(TimeSpan due)
    {
        _mintTimer?.Dispose();
        _mintTimer = this.RegisterGrainTimer(static (g, _) => g.MintPending(), this,
            new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan });
    }

    private async Task MintPending()
    {
        var contract = chains.BadgeContract;
        var failed = false;
        foreach (var i in PendingMints().ToList())
        {
            var award = S.Badges[i];
            if (contract is not { } c || c.Chain != award.Chain) continue;
            var call = BadgeContract.MintCall(c.Chain, c.Contract, _dao, award.Badge, _address);
            var outcome = await chains.ExecuteBatch(c.Chain, [call], $"badge:{_dao}/{award.Badge}/{_address}");
            var tx = outcome.Transactions.IsDefaultOrEmpty ? null : outcome.Transactions[^1].Hash;
            // Succeeded with no transaction: minted before (a crash after sending); the watcher's mirror records the block.
            S.Badges[i] = outcome.Succeeded
                ? award with { MintTransaction = tx ?? "done", MintError = null }
                : award with { MintError = outcome.Error };
            failed |= !outcome.Succeeded;
            if (!outcome.Succeeded) log.BadgeMintFailed(_dao, _address, award.Badge, outcome.Error);
        }
        await state.WriteStateAsync();
        if (failed) ScheduleMint(MintRetry);
    }
}
