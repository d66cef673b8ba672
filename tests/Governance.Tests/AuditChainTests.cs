using System.Text;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static AuditAct Act(int i, string act = AuditActs.BalanceRecorded, string? trace = "4bf92f3577b34da6a3ce929d0e0e4736") => new()
    {
        Cause = $"voter:0xabc#{i}", At = T0.AddSeconds(i), ActorKind = AuditActorKind.OperatorKey, Actor = "feeder", Act = act,
        Subject = "0x00000000000000000000000000000000000000a" + i % 10, Detail = $"btk balance {i * 100} at {i}", TraceId = trace,
    };

    private static List<AuditEntry> Chain(int n)
    {
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= n; i++) entries.Add(AuditChain.Seal(i, entries.Count == 0 ? AuditChain.Genesis : entries[^1].Hash, Act(i)));
        return entries;
    }

    /// <summary>The canonical bytes written out by hand, as a third party holding an export would.</summary>
    private static byte[] ByHand(params string?[] fields)
    {
        var bytes = new List<byte>();
        foreach (var f in fields)
        {
            var utf8 = f is null ? null : Encoding.UTF8.GetBytes(f);
            var length = utf8 is null ? uint.MaxValue : (uint)utf8.Length;
            bytes.AddRange([(byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length]);
            if (utf8 is not null) bytes.AddRange(utf8);
        }
        return [.. bytes];
    }

    [Fact]
    public void The_first_hash_is_keccak256_of_32_zero_bytes_and_the_length_prefixed_fields()
    {
        var entry = AuditChain.Seal(1, AuditChain.Genesis, Act(1));
        var canonical = ByHand("1", T0.AddSeconds(1).ToUnixTimeMilliseconds().ToString(), "0", "feeder", "balance.recorded",
            "0x00000000000000000000000000000000000000a1", "btk balance 100 at 1", "4bf92f3577b34da6a3ce929d0e0e4736", "voter:0xabc#1");
        Assert.Equal(canonical, AuditChain.Canonical(entry));
        Assert.Equal(Hex.ToHex(Keccak256.Hash([.. new byte[32], .. canonical])), entry.Hash);
        Assert.Equal(AuditChain.Genesis, entry.PreviousHash);
        Assert.Equal("0x" + new string('0', 64), AuditChain.Genesis);
    }

    [Fact]
    public void Each_hash_chains_the_previous_one_and_the_whole_log_verifies()
    {
        var log = Chain(20);
        for (var i = 1; i < log.Count; i++) Assert.Equal(log[i - 1].Hash, log[i].PreviousHash);
        var walk = AuditChain.Verify(log);
        Assert.True(walk.Verified, walk.Problem);
        Assert.Equal(20, walk.Entries);
        Assert.Equal(log[^1].Hash, walk.Hash);
    }

    [Fact]
    public void A_changed_field_breaks_verification_at_that_entry()
    {
        var log = Chain(10);
        log[6] = log[6] with { Detail = "btk balance 1000000 at 7" };
        var walk = AuditChain.Verify(log);
        Assert.False(walk.Verified);
        Assert.Equal(7, walk.FirstBrokenSeq);
        Assert.Equal(6, walk.Entries);
        Assert.Contains("entry 7's fields hash to", walk.Problem);
    }

    [Fact]
    public void A_rewritten_entry_with_a_recomputed_hash_breaks_the_next_one()
    {
        var log = Chain(10);
        var forged = log[3] with { Actor = "someone-else" };
        log[3] = forged with { Hash = AuditChain.Next(forged.PreviousHash, forged) };
        var walk = AuditChain.Verify(log);
        Assert.Equal(5, walk.FirstBrokenSeq);
    }

    [Fact]
    public void A_dropped_entry_breaks_verification_where_it_was()
    {
        var log = Chain(10);
        log.RemoveAt(4);
        var walk = AuditChain.Verify(log);
        Assert.False(walk.Verified);
        Assert.Equal(5, walk.FirstBrokenSeq);
        Assert.Contains("entry 5 is missing", walk.Problem);
    }

    [Fact]
    public void Reordered_entries_break_verification()
    {
        var log = Chain(10);
        (log[2], log[3]) = (log[3], log[2]);
        Assert.Equal(3, AuditChain.Verify(log).FirstBrokenSeq);

        // Renumbered to hide the swap, the previous hashes still give it away.
        log[2] = log[2] with { Seq = 3 };
        log[3] = log[3] with { Seq = 4 };
        var walk = AuditChain.Verify(log);
        Assert.Equal(3, walk.FirstBrokenSeq);
        Assert.Contains("previous hash", walk.Problem);
    }

    [Fact]
    public void Field_boundaries_and_a_missing_trace_id_are_part_of_the_hash()
    {
        var a = AuditChain.Seal(1, AuditChain.Genesis, Act(1) with { Actor = "ab", Act = "c" });
        var b = AuditChain.Seal(1, AuditChain.Genesis, Act(1) with { Actor = "a", Act = "bc" });
        Assert.NotEqual(a.Hash, b.Hash);
        Assert.NotEqual(AuditChain.Seal(1, AuditChain.Genesis, Act(1, trace: null)).Hash,
            AuditChain.Seal(1, AuditChain.Genesis, Act(1, trace: "")).Hash);
    }

    [Fact]
    public void A_segment_verifies_from_the_hash_before_it()
    {
        var log = Chain(12);
        var walk = AuditChain.Verify(log.Skip(5), firstSeq: 6, previous: log[4].Hash);
        Assert.True(walk.Verified, walk.Problem);
        Assert.Equal(7, walk.Entries);
        Assert.False(AuditChain.Verify(log.Skip(5), firstSeq: 6, previous: log[3].Hash).Verified);
    }

    [Fact]
    public void The_time_is_stored_as_hashed_to_the_millisecond()
    {
        var entry = AuditChain.Seal(1, AuditChain.Genesis, Act(1) with { At = T0.AddTicks(1_234_567) });
        Assert.Equal(T0.AddMilliseconds(123), entry.At);
        Assert.True(AuditChain.Verify([entry]).Verified);
    }
}
