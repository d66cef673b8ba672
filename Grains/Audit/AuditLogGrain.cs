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
/// The audit log (key 0). Appends arriving together form one batch, and batches and anchoring take turns: seq and running
/// hash come from the head, the entries go to their page grains, their cause grains remember them, and only then does the
/// head move, once per batch — so every write is of bounded size and a crash anywhere leaves a state the next append
/// repairs (an unacknowledged entry is overwritten or adopted). Reads interleave and never see past the head. The head is
/// queued for the anchor contract every <see cref="AuditOptions.AnchorEvery"/> entries or
/// <see cref="AuditOptions.AnchorInterval"/>, whichever comes first.
/// </summary>
public sealed class AuditLogGrain(
    [PersistentState(GovernanceStorage.AuditLogState, GovernanceStorage.Name)] IPersistentState<AuditLogState> state,
    IChainExecutor chains, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditLogGrain> log)
    : Grain, IAuditLogGrain, IRemindable
{
    private const string AnchorReminder = "audit-anchor";
    private readonly SemaphoreSlim _writing = new(1, 1);
    private GroupCommit<AuditAct, AuditEntry>? _appends;
    private bool _armed;

    private AuditLogState S => state.State;
    private string Head => S.Seq == 0 ? AuditChain.Genesis : S.Hash;

    // Acts arriving while a batch is written form the next batch: one head write (and one write per page) for all of them.
    private GroupCommit<AuditAct, AuditEntry> Appends => _appends ??= new(AppendBatch, maxBatch: AuditPages.Size);

    public Task<AuditEntry> Append(AuditAct act)
    {
        Refuse.Unless(!string.IsNullOrEmpty(act.Cause) && !string.IsNullOrEmpty(act.Act), GovernanceError.InvalidArgument,
            "an audit act needs a cause and an act");
        return Appends.Submit(act);
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

    public Task<AuditHead> AnchorNow() => Exclusive(async () =>
    {
        await Anchor();
        return HeadNow();
    });

    public Task ReceiveReminder(string reminderName, TickStatus status) => Exclusive(async () =>
    {
        if (S.Seq > (S.AnchoredSeq ?? 0)) await Anchor();
        else if (await this.GetReminder(AnchorReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _armed = false;
        }
        return true;
    });

    /// <summary>Appends interleave with other calls: every change of the head's state runs alone, in turn.</summary>
    private async Task<T> Exclusive<T>(Func<Task<T>> change)
    {
        await _writing.WaitAsync();
        try
        {
            return await change();
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Appends a batch: each act's cause is looked up (an act already logged answers its entry, one a crash left past the
    /// head is adopted), the new entries are sealed in order, written to their pages, remembered by their causes, and
    /// then the head moves once for all of them.
    /// </summary>
    private Task<IReadOnlyList<AuditEntry>> AppendBatch(IReadOnlyList<AuditAct> acts) => Exclusive(async () =>
    {
        var known = await Task.WhenAll(acts.Select(a => Earlier(a.Cause)));
        var (head, seq) = (Head, S.Seq);
        var fresh = new List<AuditEntry>();
        var byCause = new Dictionary<string, AuditEntry>(StringComparer.Ordinal);
        var answers = new AuditEntry[acts.Count];
        for (var i = 0; i < acts.Count; i++)
        {
            var act = acts[i];
            if (byCause.TryGetValue(act.Cause, out var twin)) answers[i] = twin;
            else if (known[i] is { } earlier && earlier.Seq <= S.Seq) answers[i] = earlier;
            else
            {
                // Written to its page and cause before a crash, in place: adopt it rather than log the act twice.
                var entry = known[i] is { } orphan && orphan.Seq == seq + 1 && orphan.PreviousHash == head
                    ? orphan
                    : AuditChain.Seal(seq + 1, head, act with { At = act.At == default ? clock.GetUtcNow() : act.At });
                (seq, head) = (entry.Seq, entry.Hash);
                fresh.Add(entry);
                answers[i] = entry;
            }
            byCause[act.Cause] = answers[i];
        }
        if (fresh.Count > 0) await Advance(fresh);
        return (IReadOnlyList<AuditEntry>)answers;
    });

    /// <summary>The entry a cause produced, if its page still holds it (a slot past the head may since have been replaced).</summary>
    private async Task<AuditEntry?> Earlier(string cause)
    {
        if (await GrainFactory.GetGrain<IAuditCauseGrain>(cause).Get() is not { } seq) return null;
        return await Stored(seq) is { } entry && entry.Cause == cause ? entry : null;
    }

    private async Task Advance(List<AuditEntry> entries)
    {
        await Task.WhenAll(entries.GroupBy(e => AuditPages.PageOf(e.Seq)).Select(page =>
            GrainFactory.GetGrain<IAuditPageGrain>(page.Key).PutAfter(page.First().Seq - 1, [.. page])));
        await Task.WhenAll(entries.Select(e => GrainFactory.GetGrain<IAuditCauseGrain>(e.Cause).Set(e.Seq)));
        var (seq, hash) = (S.Seq, S.Hash);
        S.Seq = entries[^1].Seq;
        S.Hash = entries[^1].Hash;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            (S.Seq, S.Hash) = (seq, hash);
            throw;
        }
        foreach (var entry in entries) log.AuditAppended(entry.Seq, entry.Act, entry.Actor, entry.Subject);
        await MaybeAnchor();
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
