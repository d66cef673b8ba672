using System.Collections.Immutable;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Blocktrack.Grains.Audit;

/// <summary>
/// The audit log (key 0). Appends are serialised here (not reentrant): seq and running hash come from the head, the entry
/// goes to its page grain, the cause grain remembers it, and only then does the head move — so every write is of bounded
/// size and a crash anywhere leaves a state the next append repairs (an unacknowledged entry is overwritten or adopted).
/// Reads interleave and never see past the head. The head is queued for the anchor contract every
/// <see cref="AuditOptions.AnchorEvery"/> entries or <see cref="AuditOptions.AnchorInterval"/>, whichever comes first.
/// </summary>
public sealed class AuditLogGrain(
    [PersistentState(GovernanceStorage.AuditLogState, GovernanceStorage.Name)] IPersistentState<AuditLogState> state,
    IChainExecutor chains, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditLogGrain> log)
    : Grain, IAuditLogGrain, IRemindable
{
    private const string AnchorReminder = "audit-anchor";
    private bool _armed;

    private AuditLogState S => state.State;
    private string Head => S.Seq == 0 ? AuditChain.Genesis : S.Hash;

    public async Task<AuditEntry> Append(AuditAct act)
    {
        Refuse.Unless(!string.IsNullOrEmpty(act.Cause) && !string.IsNullOrEmpty(act.Act), GovernanceError.InvalidArgument,
            "an audit act needs a cause and an act");
        var cause = GrainFactory.GetGrain<IAuditCauseGrain>(act.Cause);
        if (await cause.Get() is { } known && await Stored(known) is { } earlier && earlier.Cause == act.Cause)
        {
            if (known <= S.Seq) return earlier;
            // Its page and cause were written but not the head (a crash): adopt it rather than log the act twice.
            if (known == S.Seq + 1 && earlier.PreviousHash == Head) return await Advance(earlier);
        }
        var entry = AuditChain.Seal(S.Seq + 1, Head, act with { At = act.At == default ? clock.GetUtcNow() : act.At });
        await GrainFactory.GetGrain<IAuditPageGrain>(AuditPages.PageOf(entry.Seq)).Put(entry);
        await cause.Set(entry.Seq);
        return await Advance(entry);
    }

    public async Task<AuditHead> GetHead()
    {
        var head = HeadNow();
        if (head.AnchoredSeq is not { } seq || chains.AnchorChain is null) return head;
        return head with { Anchor = await GrainFactory.GetGrain<IAnchorGrain>(0).Check(AnchorRecord.AuditKey(seq)) };
    }

    public async Task<AuditPage> Query(AuditQuery query, long offset, int limit)
    {
        Refuse.Unless(offset >= 0 && limit is >= 1 and <= 500, GovernanceError.InvalidArgument,
            "offset must be >= 0 and limit 1..500");
        var last = S.Seq;
        if (query.IsEmpty)
        {
            return new AuditPage { Items = await Range(offset + 1, limit, last), Total = last, Offset = offset, Limit = limit };
        }
        // Filters read every page up to the head (pages are bounded, the log holds privileged acts only, not ballots).
        var matches = new List<AuditEntry>();
        long total = 0;
        for (long page = 0; last > 0 && page <= AuditPages.PageOf(last); page++)
        {
            foreach (var e in await Page(page, last))
            {
                if (!query.Matches(e)) continue;
                if (total >= offset && matches.Count < limit) matches.Add(e);
                total++;
            }
        }
        return new AuditPage { Items = [.. matches], Total = total, Offset = offset, Limit = limit };
    }

    public Task<ImmutableArray<AuditEntry>> Read(long fromSeq, int count)
    {
        Refuse.Unless(fromSeq >= 1 && count is >= 1 and <= 1000, GovernanceError.InvalidArgument, "fromSeq must be >= 1 and count 1..1000");
        return Range(fromSeq, count, S.Seq);
    }

    public async Task<AuditVerification> Verify()
    {
        var head = HeadNow();
        var walk = new AuditWalk(true, 0, null, null, AuditChain.Genesis);
        for (long page = 0; head.Seq > 0 && page <= AuditPages.PageOf(head.Seq) && walk.Verified; page++)
        {
            var entries = await Page(page, head.Seq);
            var part = AuditChain.Verify(entries, AuditPages.FirstSeqOf(page), walk.Hash);
            walk = part with { Entries = walk.Entries + part.Entries };
            if (walk.Verified && entries.Length < Math.Min(AuditPages.Size, head.Seq - AuditPages.FirstSeqOf(page) + 1))
                walk = walk with { Verified = false, FirstBrokenSeq = AuditPages.FirstSeqOf(page) + entries.Length,
                    Problem = $"entry {AuditPages.FirstSeqOf(page) + entries.Length} is missing from page {page}" };
        }
        if (walk.Verified && walk.Hash != head.Hash)
            walk = walk with { Verified = false, Problem = $"the entries hash to {walk.Hash}, the head says {head.Hash}" };
        return new AuditVerification
        {
            Verified = walk.Verified, Entries = walk.Entries, FirstBrokenSeq = walk.FirstBrokenSeq, Problem = walk.Problem,
            RecomputedHash = walk.Hash, Head = head,
        };
    }

    public async Task<AuditHead> AnchorNow()
    {
        await Anchor();
        return HeadNow();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Seq > (S.AnchoredSeq ?? 0)) await Anchor();
        else if (await this.GetReminder(AnchorReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _armed = false;
        }
    }

    private async Task<AuditEntry> Advance(AuditEntry entry)
    {
        var (seq, hash) = (S.Seq, S.Hash);
        S.Seq = entry.Seq;
        S.Hash = entry.Hash;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            (S.Seq, S.Hash) = (seq, hash);
            throw;
        }
        log.AuditAppended(entry.Seq, entry.Act, entry.Actor, entry.Subject);
        await MaybeAnchor();
        return entry;
    }

    private async Task MaybeAnchor()
    {
        if (chains.AnchorChain is null) return;
        var o = options.Value;
        var since = S.AnchoredAt ?? DateTimeOffset.MinValue;
        if (S.Seq - (S.AnchoredSeq ?? 0) >= o.AnchorEvery || clock.GetUtcNow() - since >= o.AnchorInterval) await Anchor();
        else if (!_armed)
        {
            await this.RegisterOrUpdateReminder(AnchorReminder, o.AnchorInterval, o.AnchorInterval);
            _armed = true;
        }
    }

    private async Task Anchor()
    {
        if (chains.AnchorChain is null || S.Seq == 0 || S.Seq == S.AnchoredSeq) return;
        await GrainFactory.GetGrain<IAnchorGrain>(0).Publish(new AnchorRecord
        {
            Key = AnchorRecord.AuditKey(S.Seq), Subject = AnchorRecord.AuditSubject, AuditSeq = S.Seq, Hash = S.Hash,
        });
        S.AnchoredSeq = S.Seq;
        S.AnchoredHash = S.Hash;
        S.AnchoredAt = clock.GetUtcNow();
        await state.WriteStateAsync();
    }

    private AuditHead HeadNow() => new() { Seq = S.Seq, Hash = Head, AnchoredSeq = S.AnchoredSeq, AnchoredHash = S.AnchoredHash };

    private async Task<AuditEntry?> Stored(long seq)
    {
        var entries = await GrainFactory.GetGrain<IAuditPageGrain>(AuditPages.PageOf(seq)).Entries();
        var slot = AuditPages.SlotOf(seq);
        return slot < entries.Length ? entries[slot] : null;
    }

    /// <summary>A page's entries up to <paramref name="last"/>: a slot past the head is an unacknowledged write, not yet the log.</summary>
    private async Task<ImmutableArray<AuditEntry>> Page(long page, long last) =>
        [.. (await GrainFactory.GetGrain<IAuditPageGrain>(page).Entries()).Where(e => e.Seq <= last)];

    private async Task<ImmutableArray<AuditEntry>> Range(long from, int count, long last)
    {
        var to = Math.Min(last, from + count - 1);
        var items = ImmutableArray.CreateBuilder<AuditEntry>();
        for (var page = AuditPages.PageOf(from); from <= to && page <= AuditPages.PageOf(to); page++)
        {
            items.AddRange((await Page(page, to)).Where(e => e.Seq >= from));
        }
        return items.ToImmutable();
    }
}
