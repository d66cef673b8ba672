using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// The audit log's running hash: <c>hash_n = keccak256(hash_{n-1} ‖ canonical(entry_n))</c>, <c>hash_0</c> = 32 zero bytes.
/// The canonical bytes are the fields seq, at (unix milliseconds), actor kind (number), actor, act, subject, detail, trace id
/// and cause, each as a 4-byte big-endian length and its UTF-8 bytes (numbers in decimal; a missing trace id has length
/// 0xFFFFFFFF), so anyone holding an export can recompute the chain with any keccak256 and compare it with the anchored head.
/// A changed, dropped, inserted or reordered entry changes every hash from it on.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = Hex.ToHex(new byte[32]);

    /// <summary>The entry <paramref name="act"/> becomes as entry <paramref name="seq"/> after <paramref name="previous"/>.</summary>
    public static AuditEntry Seal(long seq, string previous, AuditAct act)
    {
        var entry = new AuditEntry
        {
            Seq = seq,
            // Stored exactly as hashed: milliseconds survive every JSON and CSV round trip.
            At = DateTimeOffset.FromUnixTimeMilliseconds(act.At.ToUnixTimeMilliseconds()),
            ActorKind = act.ActorKind,
            Actor = act.Actor,
            Act = act.Act,
            Subject = act.Subject,
            Detail = act.Detail,
            TraceId = act.TraceId,
            Cause = act.Cause,
            PreviousHash = previous,
        };
        return entry with { Hash = Next(previous, entry) };
    }

    public static string Next(string previous, AuditEntry entry)
    {
        var canonical = Canonical(entry);
        var buffer = new byte[32 + canonical.Length];
        Hex.Parse(previous, 32).CopyTo(buffer, 0);
        canonical.CopyTo(buffer, 32);
        return Hex.ToHex(Keccak256.Hash(buffer));
    }

    public static byte[] Canonical(AuditEntry e)
    {
        var bytes = new ArrayBufferWriter<byte>();
        Field(bytes, e.Seq.ToString(CultureInfo.InvariantCulture));
        Field(bytes, e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Field(bytes, ((int)e.ActorKind).ToString(CultureInfo.InvariantCulture));
        Field(bytes, e.Actor);
        Field(bytes, e.Act);
        Field(bytes, e.Subject);
        Field(bytes, e.Detail);
        Field(bytes, e.TraceId);
        Field(bytes, e.Cause);
        return bytes.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Walks <paramref name="entries"/> (in the order stored) from the running hash <paramref name="previous"/> before the first
    /// of them, expecting seq <paramref name="firstSeq"/> first; stops at the first entry that does not follow.
    /// </summary>
    public static AuditWalk Verify(IEnumerable<AuditEntry> entries, long firstSeq = 1, string? previous = null)
    {
        var running = previous ?? Genesis;
        var expected = firstSeq;
        long count = 0;
        foreach (var e in entries)
        {
            string? problem = null;
            if (e.Seq != expected) problem = $"entry {expected} is missing: found seq {e.Seq} in its place";
            else if (e.PreviousHash != running) problem = $"entry {e.Seq} names previous hash {e.PreviousHash}, the chain has {running}";
            else if (Next(running, e) is var recomputed && recomputed != e.Hash)
                problem = $"entry {e.Seq}'s fields hash to {recomputed}, stored {e.Hash}";
            if (problem is not null) return new AuditWalk(false, count, expected, problem, running);
            running = e.Hash;
            expected++;
            count++;
        }
        return new AuditWalk(true, count, null, null, running);
    }

    private static void Field(ArrayBufferWriter<byte> to, string? value)
    {
        var utf8 = value is null ? null : Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteUInt32BigEndian(to.GetSpan(4), utf8 is null ? uint.MaxValue : (uint)utf8.Length);
        to.Advance(4);
        if (utf8 is not null) to.Write(utf8);
    }
}

/// <summary>How far a verification got: <see cref="Hash"/> is the running hash after the last entry that followed.</summary>
public sealed record AuditWalk(bool Verified, long Entries, long? FirstBrokenSeq, string? Problem, string Hash);
