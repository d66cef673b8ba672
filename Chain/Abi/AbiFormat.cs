using System.Numerics;

namespace Blocktrack.Chain.Abi;

/// <summary>Renders decoded values for messages and logs: hex bytes, decimal integers, tuples in parentheses.</summary>
public static class AbiFormat
{
    public static string Value(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Hex.ToHex(bytes),
        BigInteger big => big.ToString(),
        bool b => b ? "true" : "false",
        string s => s.StartsWith("0x", StringComparison.Ordinal) ? s : $"\"{s}\"",
        object?[] items => $"[{string.Join(", ", items.Select(Value))}]",
        _ => value.ToString() ?? "",
    };
}
