using System.Text;

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
    public static StateRowKey For(string stateName, GrainId grainId)
    {
        if (stateName.Contains('`'))
            throw new ArgumentException($"State name '{stateName}' names a generic type; governance state names are plain.", nameof(stateName));
        var typeHash = Hash(Encoding.UTF8.GetBytes(stateName));
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
        return new(Hash(Reversed(Encoding.UTF8.GetBytes(key), null)), typeHash, stateName, 0, 0, key);
    }

    /// <summary>The order writes of one round trip take their row locks in, so two round trips never wait on each other in a cycle.</summary>
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
        byte[] bytes = extension is null ? [.. key] : [.. key, .. Encoding.UTF8.GetBytes(extension)];
        if (BitConverter.IsLittleEndian) Array.Reverse(bytes);
        return bytes;
    }
}
