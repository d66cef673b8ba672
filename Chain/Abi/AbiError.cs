using System.Text.Json;

namespace Blocktrack.Chain.Abi;

/// <summary>A Solidity custom error (<c>error InsufficientBalance(uint256 needed)</c>) as found in revert data.</summary>
public sealed class AbiError
{
    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Inputs = inputs;
        Signature = $"{name}({string.Join(',', inputs.Select(p => p.Type.Canonical))})";
        Selector = Keccak256.Hash(Signature)[..4];
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public string Signature { get; }

    public byte[] Selector { get; }

    public static AbiError Parse(string signature)
    {
        var parsed = AbiSignatureParser.ParseSignature(signature);
        return new AbiError(parsed.Name, parsed.Inputs);
    }

    public static AbiError FromJson(JsonElement entry) => new(
        entry.GetProperty("name").GetString() ?? throw new AbiException("ABI error without a name."),
        AbiJson.Parameters(entry, "inputs"));

    public bool Matches(ReadOnlySpan<byte> revertData) => revertData.Length >= 4 && revertData[..4].SequenceEqual(Selector);

    public DecodedError Decode(ReadOnlySpan<byte> revertData)
    {
        if (!Matches(revertData))
            throw new AbiException($"Revert data does not start with the selector of {Signature}.");
        return new DecodedError(this, AbiDecoder.Decode(Inputs, revertData[4..]));
    }

    public override string ToString() => Signature;
}
