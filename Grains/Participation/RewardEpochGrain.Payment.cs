using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Participation;

/// <summary>
/// Paying a closed epoch, in steps that each save their progress: on-chain draws as timelock batches of ERC-20 transfers
/// (idempotent per batch operation), then every share credited to its participant (idempotent per epoch and draw), the
/// top ranks announced for badges, and what was not paid returned to the treasury (idempotent per epoch and asset).
/// </summary>
public sealed partial class RewardEpochGrain
{
    /// <summary>Transfers per timelock batch: one transaction each, well inside an L3 block's gas.</summary>
    public const int TransfersPerBatch = 100;

    private const int CreditsPerStep = 256;

    /// <summary>
    /// Credits between saves of the progress: each save writes the whole state (every share), so saving every step made
    /// paying quadratic in the participants. A crash repeats at most this many credits, which participants drop by cause.
    /// </summary>
    private const int CreditsPerSave = 8192;

    private async Task Pay()
    {
        if (S.Phase != RewardEpochState.Closed) return;
        for (var d = 0; d < S.Budget.Length; d++)
        {
            if (S.Budget[d] is { Chain: { } chain, Token: { } token } && !await PayOnChain(d, chain, token)) return;
        }
        // Where each on-chain recipient's transfer went: its batch number.
        var batchOf = Enumerable.Range(0, S.Budget.Length)
            .Select(d => Recipients(d).Select((r, i) => (r.Address, Batch: i / TransfersPerBatch))
                .ToDictionary(x => x.Address, x => x.Batch))
            .ToList();
        var saved = S.Credited;
        while (S.Credited < S.Allocation.Count)
        {
            var step = S.Allocation.Skip(S.Credited).Take(CreditsPerStep).ToList();
            await Task.WhenAll(step.SelectMany(share => Credits(share, batchOf)));
            S.Credited += step.Count;
            if (S.Credited - saved < CreditsPerSave && S.Credited < S.Allocation.Count) continue;
            await state.WriteStateAsync();
            saved = S.Credited;
        }
        if (!S.RanksAnnounced)
        {
            await AnnounceRanks();
            S.RanksAnnounced = true;
            await state.WriteStateAsync();
        }
        if (!S.Returned)
        {
            foreach (var s in Settlements()) await Dao.ReturnRewards(_epoch, s.Asset, s.Returned);
            S.Returned = true;
        }
        S.Phase = RewardEpochState.Paid;
        S.PaidAt = clock.GetUtcNow();
        S.PaymentError = null;
        await state.WriteStateAsync();
    }

    /// <summary>Sends draw <paramref name="d"/>'s batches not yet landed; false when one failed (retried later).</summary>
    private async Task<bool> PayOnChain(int d, long chain, string token)
    {
        var recipients = Recipients(d);
        for (var k = 0; k * TransfersPerBatch < recipients.Count; k++)
        {
            var key = $"{d}/{k}";
            if (S.Batches.ContainsKey(key)) continue;
            var calls = recipients.Skip(k * TransfersPerBatch).Take(TransfersPerBatch)
                .Select(r => Erc20Transfer.Call(chain, token, r.Address, r.Amounts[d])).ToList();
            var outcome = await chains.ExecuteBatch(chain, calls, $"rewards:{_dao}/{_epoch}/{key}");
            if (!outcome.Succeeded)
            {
                S.PaymentError = $"batch {key} on chain {chain}: {outcome.Error}";
                await state.WriteStateAsync();
                log.RewardPaymentRetry(_dao, _epoch, S.PaymentError);
                ScheduleSettle(RetryAfterFailure);
                return false;
            }
            // No transaction: the batch had executed before a crash; the operation id proves it on chain.
            S.Batches[key] = outcome.Transactions.IsDefaultOrEmpty
                ? new ChainTransaction { Chain = chain, Purpose = "executeBatch", Hash = "", Succeeded = true }
                : outcome.Transactions[^1];
            await state.WriteStateAsync();
        }
        return true;
    }

    private List<RewardShare> Recipients(int d) => [.. S.Allocation.Where(s => s.Amounts[d].Sign > 0)];

    private IEnumerable<Task> Credits(RewardShare share, List<Dictionary<string, int>> batchOf)
    {
        for (var d = 0; d < S.Budget.Length; d++)
        {
            if (share.Amounts[d].IsZero) continue;
            string? tx = null;
            if (S.Budget[d].Chain is not null) tx = S.Batches.GetValueOrDefault($"{d}/{batchOf[d][share.Address]}")?.Hash;
            yield return Participant(share.Address).Record(new ParticipantFact
            {
                Kind = ParticipantFactKind.RewardCredited, Cause = $"reward:{_epoch}:{d}", Epoch = _epoch, At = Now,
                Asset = S.Budget[d].Asset, Amount = share.Amounts[d], Transaction = string.IsNullOrEmpty(tx) ? null : tx,
            });
        }
    }

    /// <summary>The epoch's top participants by points, as far down as the DAO's top-participant badges look.</summary>
    private async Task AnnounceRanks()
    {
        var badges = (await Dao.GetInfo()).Constitution.Participation?.Badges ?? [];
        var depth = badges.IsDefaultOrEmpty
            ? 0
            : badges.Where(b => b.Kind == BadgeKind.TopParticipant).Select(b => b.Threshold).DefaultIfEmpty(0).Max();
        var top = S.Allocation.Take((int)Math.Min(depth, S.Allocation.Count)).ToList();
        await Task.WhenAll(top.Select((s, i) => Participant(s.Address).Record(new ParticipantFact
        {
            Kind = ParticipantFactKind.TopInEpoch, Cause = $"top:{_epoch}", Epoch = _epoch, At = Now, Rank = i + 1,
        })));
    }

    private ImmutableArray<RewardSettlement> Settlements()
    {
        if (S.Phase == RewardEpochState.Open) return [];
        return [.. S.Budget
            .Select((d, i) => (d.Asset, Drawn: d.Amount, Paid: S.Allocation.Aggregate(BigInteger.Zero, (a, s) => a + s.Amounts[i])))
            .GroupBy(x => x.Asset)
            .Select(g => new RewardSettlement
            {
                Asset = g.Key,
                Drawn = g.Aggregate(BigInteger.Zero, (a, x) => a + x.Drawn),
                Paid = g.Aggregate(BigInteger.Zero, (a, x) => a + x.Paid),
                Returned = g.Aggregate(BigInteger.Zero, (a, x) => a + x.Drawn - x.Paid),
            })];
    }

    private IParticipantGrain Participant(string address) =>
        GrainFactory.GetGrain<IParticipantGrain>(Names.ParticipantKey(_dao, address));
}
