using System.Collections;
using System.Runtime.CompilerServices;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace Blocktrack.Chain.Abi;

/// <summary>
/// Turns our plain values into what Nethereum's encoder needs and its decoder's output into our plain values
/// (lower-case addresses, <c>BigInteger</c> integers, <c>byte[]</c>, and <c>object?[]</c> for arrays and tuples).
/// </summary>
public static class AbiValues
{
    /// <summary>Parses one human-readable signature, with or without its keyword.</summary>
    public static ContractABI Parse(string keyword, string signature)
    {
        var text = signature.TrimStart().StartsWith(keyword + " ", StringComparison.Ordinal) ? signature : $"{keyword} {signature}";
        try
        {
            return ABIDeserialiserFactory.DeserialiseContractABI(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new AbiException($"'{signature}' is not a valid {keyword} signature: {e.Message}", e);
        }
    }

    /// <summary>
    /// Nethereum encodes a <c>List&lt;object&gt;</c> given for a tuple array as something else without an error (only
    /// <c>object[]</c> matches ethers), so every sequence and value tuple becomes an <c>object[]</c>, recursively.
    /// </summary>
    public static object?[] ForEncoder(object?[] values) => [.. values.Select(ForEncoder)];

    private static object? ForEncoder(object? value) => value switch
    {
        null or string or byte[] => value,
        ITuple tuple => ForEncoder([.. Enumerable.Range(0, tuple.Length).Select(i => tuple[i])]),
        IEnumerable sequence => ForEncoder([.. sequence.Cast<object?>()]),
        _ => value,
    };

    public static object?[] FromDecoder(IEnumerable<ParameterOutput> outputs) =>
        [.. outputs.Select(o => FromDecoder(o.Result, o.Parameter.Type.StartsWith("address", StringComparison.Ordinal)))];

    private static object? FromDecoder(object? value, bool address) => value switch
    {
        string s when address => s.ToLowerInvariant(),
        null or string or byte[] => value,
        IEnumerable<ParameterOutput> tuple => FromDecoder(tuple),
        IEnumerable sequence => sequence.Cast<object?>().Select(v => FromDecoder(v, address)).ToArray(),
        _ => value,
    };
}
