using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
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
    private static readonly Regex Names = new(@"\s+(indexed\s+)?[A-Za-z_$][\w$]*\s*(?=[,)])", RegexOptions.Compiled);
    private static readonly Regex TypeWords = new(@"[a-z]+[0-9x]*(?:\[\d*\])*", RegexOptions.Compiled);
    private static readonly Regex Valid = new(
        @"^(address|bool|string|bytes|bytes([1-9]|[12]\d|3[0-2])|u?int(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128|136|144|152"
        + @"|160|168|176|184|192|200|208|216|224|232|240|248|256))(\[([1-9]\d*)?\])*$", RegexOptions.Compiled);

    /// <summary>Parses ABI JSON, or one human-readable signature with or without its keyword.</summary>
    public static ContractABI Parse(string keyword, string signature)
    {
        var json = signature.TrimStart().StartsWith('[');
        var text = json || signature.TrimStart().StartsWith(keyword + " ", StringComparison.Ordinal) ? signature : $"{keyword} {signature}";
        ContractABI abi;
        try
        {
            abi = ABIDeserialiserFactory.DeserialiseContractABI(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new AbiException($"'{signature}' is not a valid {keyword}: {e.Message}", e);
        }
        var parsed = abi.Functions.Select(f => f.Signature).Concat(abi.Events.Select(e => e.Signature)).ToList();
        if (parsed.Count != 1) throw new AbiException($"'{signature}' is not one {keyword}.");
        if (!json) Check(signature, parsed[0]);
        return abi;
    }

    // Nethereum's signature parser takes any uintN or bytesN, and reads some types as others without an error:
    // f((uint8,uint16)[2][]) becomes f((uint8,uint16)[]). Refuse what is not read back exactly, or not a type.
    private static void Check(string signature, string canonical)
    {
        var open = signature.IndexOf('(');
        var (depth, close) = (0, open);
        while (++close < signature.Length && (depth += signature[close] switch { '(' => 1, ')' => -1, _ => 0 }) >= 0)
        {
        }
        var name = signature[..Math.Max(0, open)].Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var expected = name + Regex.Replace(Names.Replace(signature[open..Math.Min(close + 1, signature.Length)], ""), @"\s+", "");
        var bad = TypeWords.Matches(canonical[canonical.IndexOf('(')..]).Select(m => m.Value).FirstOrDefault(t => !Valid.IsMatch(t));
        if (expected != canonical || bad is not null)
        {
            var why = bad is null ? $"it reads as {canonical}." : $"'{bad}' is not an ABI type.";
            throw new AbiException($"'{signature}' is not a valid signature: {why}");
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

    /// <summary>
    /// Nethereum's decoder takes dirty padding, lying offsets and short data without complaint (a dirty address word
    /// decodes as the zero address). Solidity's encoding is canonical, so data that does not encode back to itself is refused.
    /// </summary>
    public static object?[] Strict(Parameter[] parameters, object?[] values, byte[] data)
    {
        byte[] again;
        try
        {
            again = new ParametersEncoder().EncodeParameters(parameters, ForEncoder(values));
        }
        catch (AbiEncodingException e)
        {
            throw new AbiException($"the data holds a value its type cannot: {e.Message}", e);
        }
        return again.AsSpan().SequenceEqual(data)
            ? values
            : throw new AbiException("the data is not the canonical encoding of its values (dirty or lying).");
    }

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
