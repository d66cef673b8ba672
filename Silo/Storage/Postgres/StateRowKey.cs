using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;

namespace Blocktrack.Silo.Storage.Postgres;

/// <summary>
/// Where a grain's state lives in <c>orleans_storage</c>: the key columns exactly as Orleans' ADO.NET provider computes
/// them, so rows written by either provider are the other's (silos of both kinds can share the table during an
/// upgrade). A string key is the extension column; an integer or GUID key is split into n0/n1 with its extension
/// alongside. The id hash is Orleans' stable hash (xxHash32) of the key's bytes reversed, the type hash that of the state
/// name's UTF-8 bytes.
/// </summary>
public readonly record struct StateRowKey(int GrainIdHash, int GrainTypeHash, string GrainType, long N0, long N1, string Extension)
    : IComparable<StateRowKey>
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A state name's hash, computed once per name.
    private static readonly ConcurrentDictionary<string, int> TypeHashes = new(StringComparer.Ordinal);

    /// <summary>
    /// The row of <paramref name="stateName"/> for <paramref name="grainId"/>. A key PostgreSQL's text cannot hold (a NUL
    /// character, a lone surrogate) is refused here, so it fails this grain's read or write alone and never the round
    /// trip it would share with other grains.
    /// </summary>
    public static StateRowKey For(string stateName, GrainId grainId)
    {
        if (stateName.Contains('`'))
            throw new ArgumentException($"State name '{stateName}' names a generic type; governance state names are plain.",
                nameof(stateName));
        var typeHash = TypeHashes.GetOrAdd(stateName, static name => Hash(Storable(name, "state name")));
        if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
        {
            var bytes = guid.ToByteArray();
            return new(Hash(Reversed(bytes, guidExtension)), typeHash, stateName,
                BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), guidExtension ?? "");
        }
        if (grainId.TryGetIntegerKey(out var integer, out var integerExtension))
            return new(Hash(Reversed(BitConverter.GetBytes(integer), integerExtension)), typeHash, stateName, 0, integer,
                integerExtension ?? "");
        var key = grainId.Key.ToString()!;
        return new(StringKeyHash(grainId.Key.AsSpan(), key), typeHash, stateName, 0, 0, key);
    }

    // Hashed from the id's own UTF-8 bytes where they are what encoding the key again gives (valid UTF-8), without copies
    // beyond one on the stack for the short keys of voters and shards.
    private static int StringKeyHash(ReadOnlySpan<byte> utf8, string key)
    {
        if (key.Contains('\0') || utf8.Length > 256 || !Utf8.IsValid(utf8))
            return Hash(Reversed(Storable(key, "grain key"), null));
        Span<byte> reversed = stackalloc byte[utf8.Length];
        utf8.CopyTo(reversed);
        if (BitConverter.IsLittleEndian) reversed.Reverse();
        return unchecked((int)StableHash.ComputeHash(reversed));
    }

    private static byte[] Storable(string text, string what)
    {
        if (text.Contains('\0'))
            throw new ArgumentException(
                $"The {what} '{text.Replace("\0", "\\0")}' holds a NUL character, which PostgreSQL's text cannot store.");
        try
        {
            return Strict.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"The {what} is not valid Unicode: {e.Message}", e);
        }
    }

    /// <summary>
    /// The order writes of one round trip take their row locks in, so two round trips never wait on each other in a cycle.
    /// </summary>
    public int CompareTo(StateRowKey other)
    {
        var c = GrainIdHash.CompareTo(other.GrainIdHash);
        if (c == 0) c = GrainTypeHash.CompareTo(other.GrainTypeHash);
        if (c == 0) c = string.CompareOrdinal(GrainType, other.GrainType);
        if (c == 0) c = N0.CompareTo(other.N0);
        if (c == 0) c = N1.CompareTo(other.N1);
        return c != 0 ? c : string.CompareOrdinal(Extension, other.Extension);
    }

    private static int Hash(byte[] bytes) => unchecked((int)StableHash.ComputeHash(bytes));

    // Key bytes, then the extension's UTF-8 bytes, reversed on a little-endian machine, as Orleans' provider hashes them.
    // Always a copy: the key's bytes are read again for n0/n1.
    private static byte[] Reversed(byte[] key, string? extension)
    {
        byte[] bytes = extension is null ? [.. key] : [.. key, .. Storable(extension, "key extension")];
        if (BitConverter.IsLittleEndian) Array.Reverse(bytes);
        return bytes;
    }
}
