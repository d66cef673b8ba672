using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>The audit log grain: idempotent by cause, repaired after a crash between its writes, paged beyond one page.</summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class AuditLogTests(FakeClockClusterFixture fixture)
{
    private IAuditLogGrain Log => fixture.Grains.GetGrain<IAuditLogGrain>(0);

    private AuditAct Act(string cause, string subject = "audit-tests") => new()
    {
        Cause = cause, At = fixture.Clock.GetUtcNow(), ActorKind = AuditActorKind.OperatorKey, Actor = "grain-test",
        Act = AuditActs.DepositRecorded, Subject = subject, Detail = cause,
    };

    [Fact]
    public async Task An_act_is_appended_once_per_cause()
    {
        var cause = $"test:{Guid.NewGuid():N}";
        var first = await Log.Append(Act(cause));
        var again = await Log.Append(Act(cause) with { Detail = "retried" });
        Assert.Equal(first, again);
        Assert.Equal(first.Seq, (await Log.GetHead()).Seq);
        Assert.Equal(first.Hash, (await Log.GetHead()).Hash);
    }

    [Fact]
    public async Task An_entry_written_before_a_crash_is_adopted_by_its_retry_and_replaced_by_another_act()
    {
        var head = await Log.GetHead();
        var cause = $"crashed:{Guid.NewGuid():N}";
        // As if the log crashed after the page and the cause were written, before the head moved.
        var orphan = AuditChain.Seal(head.Seq + 1, head.Hash, Act(cause));
        await fixture.Grains.GetGrain<IAuditPageGrain>(AuditPages.PageOf(orphan.Seq)).PutAfter(head.Seq, [orphan]);
        await fixture.Grains.GetGrain<IAuditCauseGrain>(cause).Set(orphan.Seq);
        Assert.Equal(head.Seq, (await Log.GetHead()).Seq);
        Assert.Empty((await Log.Query(new AuditQuery { Actor = "grain-test", Subject = "audit-tests" }, 0, 500)).Items
            .Where(e => e.Cause == cause));

        Assert.Equal(orphan, await Log.Append(Act(cause)));
        Assert.Equal(orphan.Seq, (await Log.GetHead()).Seq);

        // Written to the page only (no cause, no head): the next act takes the slot.
        head = await Log.GetHead();
        var lost = AuditChain.Seal(head.Seq + 1, head.Hash, Act($"lost:{Guid.NewGuid():N}"));
        await fixture.Grains.GetGrain<IAuditPageGrain>(AuditPages.PageOf(lost.Seq)).PutAfter(head.Seq, [lost]);
        var next = await Log.Append(Act($"next:{Guid.NewGuid():N}"));
        Assert.Equal(lost.Seq, next.Seq);
        Assert.NotEqual(lost.Hash, next.Hash);
        Assert.True((await Log.Verify()).Verified);
    }

    [Fact]
    public async Task An_acknowledged_entry_is_never_rewritten_through_its_page()
    {
        var earlier = await Log.Append(Act($"first:{Guid.NewGuid():N}"));
        // Two entries in one page: the earlier one is then followed and acknowledged.
        if (AuditPages.SlotOf(earlier.Seq) == AuditPages.Size - 1) earlier = await Log.Append(Act($"turn:{Guid.NewGuid():N}"));
        await Log.Append(Act($"second:{Guid.NewGuid():N}"));
        var page = fixture.Grains.GetGrain<IAuditPageGrain>(AuditPages.PageOf(earlier.Seq));

        var e = await Assert.ThrowsAsync<GovernanceException>(() => page.PutAfter(earlier.Seq - 1, [earlier with { Detail = "forged" }]));
        Assert.Equal(GovernanceError.InvalidState, e.Error);
        Assert.Equal(earlier, (await Log.Read(earlier.Seq, 1))[0]);
    }

    [Fact]
    public async Task Acts_appended_together_are_each_logged_once_in_one_unbroken_chain()
    {
        var start = (await Log.GetHead()).Seq;
        var run = Guid.NewGuid().ToString("N");
        // 300 acts at once, across page boundaries, every tenth cause sent twice (a retry racing its first delivery).
        var causes = Enumerable.Range(0, 300).Select(i => $"together:{run}:{(i % 10 == 9 ? i - 1 : i)}").ToArray();
        var entries = await Task.WhenAll(causes.Select(c => Log.Append(Act(c))));

        var distinct = causes.Distinct().Count();
        Assert.Equal(270, distinct);
        for (var i = 0; i < causes.Length; i++) Assert.Equal(causes[i], entries[i].Cause);
        Assert.Equal(distinct, entries.Select(e => e.Seq).Distinct().Count());
        Assert.All(entries.Where((_, i) => i % 10 == 9), (e, k) => Assert.Equal(entries[k * 10 + 8], e));
        var head = await Log.GetHead();
        Assert.Equal(start + distinct, head.Seq);
        Assert.Equal(Enumerable.Range(1, distinct).Select(i => start + i), entries.Select(e => e.Seq).Distinct().Order());
        var verified = await Log.Verify();
        Assert.True(verified.Verified, verified.Problem);
        Assert.Equal(head.Hash, verified.RecomputedHash);
        // Retried later, each act answers the entry it already has.
        Assert.Equal(entries[..20], await Task.WhenAll(causes[..20].Select(c => Log.Append(Act(c) with { Detail = "again" }))));
    }

    [Fact]
    public async Task Reads_filters_and_verification_span_pages()
    {
        var subject = $"paged-{Guid.NewGuid():N}"[..20];
        var start = (await Log.GetHead()).Seq;
        for (var i = 0; i < AuditPages.Size + 40; i++) await Log.Append(Act($"paged:{subject}:{i}", subject));
        var head = await Log.GetHead();
        Assert.Equal(start + AuditPages.Size + 40, head.Seq);

        var mine = await Log.Query(new AuditQuery { Subject = subject }, 100, 50);
        Assert.Equal(AuditPages.Size + 40, mine.Total);
        Assert.Equal(Enumerable.Range(100, 50).Select(i => $"paged:{subject}:{i}"), mine.Items.Select(e => e.Cause));
        var across = await Log.Read(start + 120, 20);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => start + 120 + i), across.Select(e => e.Seq));

        var verified = await Log.Verify();
        Assert.True(verified.Verified, verified.Problem);
        Assert.Equal(head.Seq, verified.Entries);
        Assert.Equal(head.Hash, verified.RecomputedHash);
    }
}
