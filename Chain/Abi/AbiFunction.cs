using System.Text.Json;

namespace Blocktrack.Chain.Abi;

/// <summary>A contract function: selector, calldata encoding and return-data decoding.</summary>
public sealed class AbiFunction
{
    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter>? outputs = null, string stateMutability = "nonpayable")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Inputs = inputs;
        Outputs = outputs ?? [];
        StateMutability = stateMutability;
        Signature = $"{name}({string.Join(',', inputs.Select(p => p.Type.Canonical))})";
        Selector = Keccak256.Hash(Signature)[..4];
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary><c>pure</c>, <c>view</c>, <c>nonpayable</c> or <c>payable</c>.</summary>
    public string StateMutability { get; }

    /// <summary>The canonical signature that the selector hashes, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The first four bytes of keccak256(signature).</summary>
    public byte[] Selector { get; }

    public string SelectorHex => Hex.ToHex(Selector);

    public bool IsReadOnly => StateMutability is "view" or "pure";

    /// <summary>Parses <c>transfer(address,uint256)</c> or <c>function balanceOf(address owner) view returns (uint256)</c>.</summary>
    public static AbiFunction Parse(string signature)
    {
        var parsed = AbiSignatureParser.ParseSignature(signature);
        if (parsed.Keyword is "event" or "error" or "constructor")
            throw new AbiException($"'{signature}' is an {parsed.Keyword}, not a function.");
        var mutability = parsed.Modifiers.FirstOrDefault(m => m is "view" or "pure" or "payable" or "nonpayable") ?? "nonpayable";
        return new AbiFunction(parsed.Name, parsed.Inputs, parsed.Outputs, mutability);
    }

    /// <summary>Reads a <c>"type": "function"</c> entry of ABI JSON.</summary>
    public static AbiFunction FromJson(JsonElement entry) => new(
        entry.GetProperty("name").GetString() ?? throw new AbiException("ABI function without a name."),
        AbiJson.Parameters(entry, "inputs"),
        AbiJson.Parameters(entry, "outputs"),
        entry.TryGetProperty("stateMutability", out var m) ? m.GetString() ?? "nonpayable" : "nonpayable");

    /// <summary>Selector followed by the encoded arguments.</summary>
    public byte[] EncodeCall(params object?[] arguments) => [.. Selector, .. AbiEncoder.Encode(Inputs, arguments)];

    /// <summary>Decodes calldata made for this function (selector checked).</summary>
    public object?[] DecodeCall(ReadOnlySpan<byte> calldata)
    {
        if (calldata.Length < 4 || !calldata[..4].SequenceEqual(Selector))
            throw new AbiException($"Calldata does not start with the selector of {Signature} ({SelectorHex}).");
        return AbiDecoder.Decode(Inputs, calldata[4..]);
    }

    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(Outputs, returnData);

    public override string ToString() => Signature;
}
