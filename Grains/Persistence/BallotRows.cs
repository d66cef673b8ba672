using System.Buffers;
using Blocktrack.Grains.Interfaces;
using Orleans.Serialization;

namespace Blocktrack.Grains.Persistence;

/// <summary>
/// A ballot-log row's payload. A row holds every ballot one shard appended in one batch: a row of one ballot is that
/// ballot, Orleans-serialized (as every row was before rows held batches, so those still read), and a row of several
/// is <see cref="BatchMark"/> followed by the array of them; the row's count says which. Storing a batch as one row
/// spares the store a row, two index entries and a sequence number per ballot.
/// </summary>
public sealed class BallotRows(Serializer<Ballot> one, Serializer<Ballot[]> many)
{
    /// <summary>
    /// The first byte of a row of several: a variable-length-integer field header, which no Orleans-serialized object
    /// starts with, so a reader of one ballot a row (a silo of an earlier build) fails on the row with an unsupported wire
    /// type instead of reading it as an empty ballot, as it would the bare array.
    /// </summary>
    public const byte BatchMark = 0x00;

    public byte[] Encode(IReadOnlyList<Ballot> ballots)
    {
        if (ballots.Count == 0) throw new ArgumentException("A ballot-log row holds at least one ballot.", nameof(ballots));
        if (ballots.Count == 1) return one.SerializeToArray(ballots[0]);
        // The mark and the array are written into this thread's buffer and copied out once (serializing to an array
        // and then copying it behind the mark made the payload twice).
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        buffer.GetSpan(1)[0] = BatchMark;
        buffer.Advance(1);
        many.Serialize(ballots as Ballot[] ?? [.. ballots], buffer);
        var payload = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > MaxKeptBuffer) t_buffer = null;
        return payload;
    }

    // A thread keeps its buffer up to this size (a batch of a few thousand ballots); one grown past it is let go.
    private const int MaxKeptBuffer = 4 * 1024 * 1024;

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>The ballots of a row of <paramref name="log"/> said to hold <paramref name="count"/>; refuses a row that does not.</summary>
    public Ballot[] Decode(string log, byte[] payload, int count)
    {
        var says = $"A row of ballot log '{log}' says it holds {count} ballot(s)";
        var batch = payload.Length > 0 && payload[0] == BatchMark;
        if (count < 1 || batch != count > 1)
            throw new InvalidDataException($"{says} but is {(batch ? "a row of several" : "a row of one")}.");
        Ballot?[]? ballots;
        try
        {
            ballots = batch ? many.Deserialize(payload.AsSpan(1)) : new Ballot?[] { one.Deserialize(payload) };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Malformed input surfaces from the serializer as several exception types (wire type, overflow, index range).
            throw new InvalidDataException($"{says} but does not decode: {e.Message}", e);
        }
        if (ballots is null || ballots.Length != count || Array.Exists(ballots, b => b is null))
            throw new InvalidDataException($"{says} but decodes to {ballots?.Length ?? 0}.");
        return Array.ConvertAll(ballots, b => b!);
    }
}
