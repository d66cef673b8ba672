using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Blocktrack.Chain.Abi;

/// <summary>Solidity ABI encoding (the head/tail layout of <c>abi.encode</c>).</summary>
/// <remarks>Values: address as a string or 20 bytes; bool; integers as BigInteger, any .NET integer, or a decimal or
/// 0x string; bytes and bytesN as byte[] or 0x hex; string; arrays as any sequence; tuples as a list or a ValueTuple.</remarks>
public static class AbiEncoder
{
    /// <summary>Encodes values as the parameters of a function call or return (a top-level tuple).</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        using var buffer = new MemoryStream();
        WriteTuple(buffer, types, values, "");
        return buffer.ToArray();
    }

    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values) =>
        Encode(parameters.Select(p => p.Type).ToArray(), values);

    /// <summary>Encodes one value on its own, e.g. a topic or a single return value.</summary>
    public static byte[] EncodeSingle(AbiType type, object? value) => Encode([type], [value]);

    private static void WriteTuple(MemoryStream output, IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, string path)
    {
        if (types.Count != values.Count)
            throw new AbiException($"{Where(path)}expected {types.Count} values but got {values.Count}.");
        var headSize = types.Sum(t => t.HeadSize);
        using var tails = new MemoryStream();
        for (var i = 0; i < types.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (types[i].IsDynamic)
            {
                WriteUInt(output, headSize + tails.Length);
                WriteValue(tails, types[i], values[i], itemPath);
            }
            else
            {
                WriteValue(output, types[i], values[i], itemPath);
            }
        }
        tails.WriteTo(output);
    }

    private static void WriteValue(MemoryStream output, AbiType type, object? value, string path)
    {
        if (value is null)
            throw new AbiException($"{Where(path)}a {type} value cannot be null.");
        switch (type.Kind)
        {
            case AbiTypeKind.Address:
                output.Write(new byte[12]);
                output.Write(ToAddress(value, path));
                break;
            case AbiTypeKind.Bool:
                WriteUInt(output, value is bool b ? (b ? 1 : 0) : throw Mismatch(type, value, path));
                break;
            case AbiTypeKind.UInt:
            case AbiTypeKind.Int:
                WriteInteger(output, type, AbiValues.ToBigInteger(value, path), path);
                break;
            case AbiTypeKind.FixedBytes:
                var fixedBytes = AbiValues.ToBytes(value, path);
                if (fixedBytes.Length != type.Size)
                    throw new AbiException($"{Where(path)}{type} needs exactly {type.Size} bytes, got {fixedBytes.Length}.");
                WritePadded(output, fixedBytes);
                break;
            case AbiTypeKind.Bytes:
                WriteDynamicBytes(output, AbiValues.ToBytes(value, path));
                break;
            case AbiTypeKind.String:
                WriteDynamicBytes(output, Encoding.UTF8.GetBytes(value as string ?? throw Mismatch(type, value, path)));
                break;
            case AbiTypeKind.Array:
                var items = ToList(value, type, path);
                WriteUInt(output, items.Count);
                WriteTuple(output, Enumerable.Repeat(type.Element!, items.Count).ToArray(), items, path);
                break;
            case AbiTypeKind.FixedArray:
                var fixedItems = ToList(value, type, path);
                if (fixedItems.Count != type.Length)
                    throw new AbiException($"{Where(path)}{type} needs {type.Length} elements, got {fixedItems.Count}.");
                WriteTuple(output, Enumerable.Repeat(type.Element!, type.Length).ToArray(), fixedItems, path);
                break;
            case AbiTypeKind.Tuple:
                WriteTuple(output, type.Components.Select(c => c.Type).ToArray(), ToList(value, type, path), path);
                break;
        }
    }

    private static byte[] ToAddress(object value, string path) => value switch
    {
        byte[] { Length: EthAddress.Size } bytes => bytes,
        string text when EthAddress.TryParse(text, out var parsed) => parsed,
        _ => throw new AbiException($"{Where(path)}'{AbiValues.Describe(value)}' is not an address."),
    };

    private static IReadOnlyList<object?> ToList(object value, AbiType type, string path) => value switch
    {
        string => throw Mismatch(type, value, path),
        ITuple tuple => Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).ToArray(),
        IReadOnlyList<object?> list => list,
        IEnumerable sequence => sequence.Cast<object?>().ToArray(),
        _ => throw Mismatch(type, value, path),
    };

    private static void WriteInteger(MemoryStream output, AbiType type, BigInteger value, string path)
    {
        var signed = type.Kind == AbiTypeKind.Int;
        var min = signed ? -(BigInteger.One << (type.Size - 1)) : BigInteger.Zero;
        var max = signed ? (BigInteger.One << (type.Size - 1)) - 1 : (BigInteger.One << type.Size) - 1;
        if (value < min || value > max)
            throw new AbiException($"{Where(path)}{value} does not fit in {type}.");
        Span<byte> word = stackalloc byte[32];
        // Two's complement over the whole word: negative values sign-extend with 0xff.
        word.Fill(value.Sign < 0 ? (byte)0xff : (byte)0);
        var bytes = value.ToByteArray(isUnsigned: value.Sign >= 0, isBigEndian: true);
        bytes.CopyTo(word[(32 - bytes.Length)..]);
        output.Write(word);
    }

    private static void WriteUInt(MemoryStream output, long value)
    {
        Span<byte> word = stackalloc byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(word[24..], value);
        output.Write(word);
    }

    private static void WriteDynamicBytes(MemoryStream output, byte[] bytes)
    {
        WriteUInt(output, bytes.Length);
        WritePadded(output, bytes);
    }

    private static void WritePadded(MemoryStream output, byte[] bytes)
    {
        output.Write(bytes);
        var padding = (32 - bytes.Length % 32) % 32;
        output.Write(new byte[padding]);
    }

    private static AbiException Mismatch(AbiType type, object value, string path) =>
        new($"{Where(path)}{value.GetType().Name} '{AbiValues.Describe(value)}' is not a {type} value.");

    private static string Where(string path) => path.Length == 0 ? "" : $"value {path}: ";
}
