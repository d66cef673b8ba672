using System.Text.Json;

namespace Blocktrack.Chain.Abi;

/// <summary>A parsed Solidity ABI type such as <c>uint256</c>, <c>bytes32[]</c> or <c>(address,uint256)[2]</c>.</summary>
public sealed class AbiType
{
    private AbiType(AbiTypeKind kind, int size, AbiType? element, int length, IReadOnlyList<AbiParameter> components)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Length = length;
        Components = components;
        Canonical = BuildCanonical();
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.Array => true,
            AbiTypeKind.FixedArray => element!.IsDynamic,
            AbiTypeKind.Tuple => components.Any(c => c.Type.IsDynamic),
            _ => false,
        };
        HeadSize = IsDynamic ? 32 : kind switch
        {
            AbiTypeKind.FixedArray => length * element!.HeadSize,
            AbiTypeKind.Tuple => components.Sum(c => c.Type.HeadSize),
            _ => 32,
        };
    }

    public AbiTypeKind Kind { get; }

    /// <summary>Bits for <c>uintN</c>/<c>intN</c>, bytes for <c>bytesN</c>, otherwise 0.</summary>
    public int Size { get; }

    /// <summary>The element type of an array.</summary>
    public AbiType? Element { get; }

    /// <summary>The length of a fixed array, otherwise 0.</summary>
    public int Length { get; }

    /// <summary>The members of a tuple, otherwise empty.</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>The canonical form that signatures hash, e.g. <c>(address,uint256)[]</c>.</summary>
    public string Canonical { get; }

    /// <summary>True when the encoding is out of line (behind an offset in the head).</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes the type occupies in its enclosing head: 32 for dynamic types.</summary>
    public int HeadSize { get; }

    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, null, 0, []);
    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, null, 0, []);
    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, 0, []);
    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, 0, []);
    public static AbiType UInt256 { get; } = UInt(256);

    public static AbiType UInt(int bits) => new(AbiTypeKind.UInt, CheckBits(bits), null, 0, []);

    public static AbiType Int(int bits) => new(AbiTypeKind.Int, CheckBits(bits), null, 0, []);

    public static AbiType FixedBytes(int size) =>
        size is >= 1 and <= 32 ? new(AbiTypeKind.FixedBytes, size, null, 0, []) : throw new AbiException($"bytes{size} is not a type: bytesN needs 1 ≤ N ≤ 32.");

    public static AbiType ArrayOf(AbiType element) => new(AbiTypeKind.Array, 0, element, 0, []);

    public static AbiType FixedArrayOf(AbiType element, int length) =>
        length >= 1 ? new(AbiTypeKind.FixedArray, 0, element, length, []) : throw new AbiException($"Fixed arrays need a positive length, got {length}.");

    public static AbiType Tuple(IEnumerable<AbiParameter> components) => new(AbiTypeKind.Tuple, 0, null, 0, components.ToArray());

    public static AbiType Tuple(params AbiType[] components) => Tuple(components.Select(t => new AbiParameter("", t)));

    /// <summary>Parses a type as written in Solidity signatures; tuples may carry member names: <c>(address to, uint256 amount)[]</c>.</summary>
    public static AbiType Parse(string type) => AbiSignatureParser.ParseType(type);

    /// <summary>Reads a type from an ABI JSON parameter (<c>type</c> plus <c>components</c> for tuples).</summary>
    public static AbiType FromJson(JsonElement parameter) => AbiJson.ParameterType(parameter);

    public override string ToString() => Canonical;

    public override bool Equals(object? obj) => obj is AbiType other && other.Canonical == Canonical;

    public override int GetHashCode() => Canonical.GetHashCode(StringComparison.Ordinal);

    private static int CheckBits(int bits) =>
        bits is >= 8 and <= 256 && bits % 8 == 0 ? bits : throw new AbiException($"Integer types need a multiple of 8 bits in 8..256, got {bits}.");

    private string BuildCanonical() => Kind switch
    {
        AbiTypeKind.Address => "address",
        AbiTypeKind.Bool => "bool",
        AbiTypeKind.UInt => $"uint{Size}",
        AbiTypeKind.Int => $"int{Size}",
        AbiTypeKind.FixedBytes => $"bytes{Size}",
        AbiTypeKind.Bytes => "bytes",
        AbiTypeKind.String => "string",
        AbiTypeKind.Array => $"{Element!.Canonical}[]",
        AbiTypeKind.FixedArray => $"{Element!.Canonical}[{Length}]",
        _ => $"({string.Join(',', Components.Select(c => c.Type.Canonical))})",
    };
}
