using System.Numerics;
using System.Text;

namespace Blocktrack.Chain.Abi;

/// <summary>Strict Solidity ABI decoding: addresses come back as lower-case 0x strings, integers as BigInteger,
/// bytes as byte[], arrays and tuples as object?[]. Dirty padding or out-of-range offsets throw <see cref="AbiException"/>,
/// as Solidity's own decoder reverts on them.</summary>
public static class AbiDecoder
{
    /// <summary>Decodes return data or calldata parameters (a top-level tuple).</summary>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return ReadTuple(data, 0, types, "");
    }

    public static object?[] Decode(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data) =>
        Decode(parameters.Select(p => p.Type).ToArray(), data);

    public static object? DecodeSingle(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    private static object?[] ReadTuple(ReadOnlySpan<byte> data, int start, IReadOnlyList<AbiType> types, string path)
    {
        var values = new object?[types.Count];
        var head = start;
        for (var i = 0; i < types.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (types[i].IsDynamic)
            {
                var offset = ReadLength(data, head, itemPath, "offset");
                var target = (long)start + offset;
                if (target > data.Length)
                    throw new AbiException($"value {itemPath}: offset {offset} points past the end of the data ({data.Length} bytes).");
                values[i] = ReadValue(data, (int)target, types[i], itemPath);
            }
            else
            {
                values[i] = ReadValue(data, head, types[i], itemPath);
            }
            head += types[i].HeadSize;
        }
        return values;
    }

    private static object? ReadValue(ReadOnlySpan<byte> data, int at, AbiType type, string path)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Address:
                var addressWord = Word(data, at, path);
                RequireZero(addressWord[..12], path, "address");
                return EthAddress.ToLower(addressWord[12..]);
            case AbiTypeKind.Bool:
                var flag = ReadInteger(data, at, AbiType.UInt(8), path);
                return flag <= 1 ? !flag.IsZero : throw new AbiException($"value {path}: {flag} is not a bool (0 or 1).");
            case AbiTypeKind.UInt:
            case AbiTypeKind.Int:
                return ReadInteger(data, at, type, path);
            case AbiTypeKind.FixedBytes:
                var bytesWord = Word(data, at, path);
                RequireZero(bytesWord[type.Size..], path, type.Canonical);
                return bytesWord[..type.Size].ToArray();
            case AbiTypeKind.Bytes:
                return ReadDynamicBytes(data, at, path);
            case AbiTypeKind.String:
                var utf8 = ReadDynamicBytes(data, at, path);
                try
                {
                    return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
                }
                catch (DecoderFallbackException e)
                {
                    throw new AbiException($"value {path}: string is not valid UTF-8.", e);
                }
            case AbiTypeKind.Array:
                var count = ReadLength(data, at, path, "array length");
                // Each element takes at least one word (or an offset word), so a count beyond the data is a lie
                // that would otherwise make us allocate gigabytes.
                var element = type.Element!;
                var tooMany = element.HeadSize == 0 ? count > 1 << 16 : (long)count * element.HeadSize > data.Length - at - 32L;
                if (tooMany)
                    throw new AbiException($"value {path}: array length {count} exceeds the data.");
                return ReadTuple(data, at + 32, Enumerable.Repeat(element, count).ToArray(), path);
            case AbiTypeKind.FixedArray:
                return ReadTuple(data, at, Enumerable.Repeat(type.Element!, type.Length).ToArray(), path);
            default:
                return ReadTuple(data, at, type.Components.Select(c => c.Type).ToArray(), path);
        }
    }

    private static BigInteger ReadInteger(ReadOnlySpan<byte> data, int at, AbiType type, string path)
    {
        var word = Word(data, at, path);
        var signed = type.Kind == AbiTypeKind.Int;
        var value = new BigInteger(word, isUnsigned: !signed, isBigEndian: true);
        var min = signed ? -(BigInteger.One << (type.Size - 1)) : BigInteger.Zero;
        var max = signed ? (BigInteger.One << (type.Size - 1)) - 1 : (BigInteger.One << type.Size) - 1;
        if (value < min || value > max)
            throw new AbiException($"value {path}: word 0x{Convert.ToHexStringLower(word)} is out of range for {type}.");
        return value;
    }

    private static byte[] ReadDynamicBytes(ReadOnlySpan<byte> data, int at, string path)
    {
        var length = ReadLength(data, at, path, "byte length");
        if (at + 32L + length > data.Length)
            throw new AbiException($"value {path}: {length} bytes run past the end of the data.");
        var padded = (length + 31) / 32 * 32;
        // Solidity pads to whole words; tolerate a missing final pad (some encoders trim it) but not dirty padding.
        var paddingEnd = (int)Math.Min(at + 32L + padded, data.Length);
        RequireZero(data[(at + 32 + length)..paddingEnd], path, "bytes");
        return data.Slice(at + 32, length).ToArray();
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int at, string path, string what)
    {
        var word = Word(data, at, path);
        var value = new BigInteger(word, isUnsigned: true, isBigEndian: true);
        if (value > data.Length)
            throw new AbiException($"value {path}: {what} {value} exceeds the data ({data.Length} bytes).");
        return (int)value;
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> data, int at, string path)
    {
        if (at < 0 || at + 32L > data.Length)
            throw new AbiException($"value {path}: needs a word at byte {at} but the data has {data.Length} bytes.");
        return data.Slice(at, 32);
    }

    private static void RequireZero(ReadOnlySpan<byte> padding, string path, string type)
    {
        if (padding.ContainsAnyExcept((byte)0))
            throw new AbiException($"value {path}: {type} has non-zero padding.");
    }
}
