using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC;

namespace Blocktrack.Chain.Abi;

/// <summary>A contract function as our callers use it (plain values in and out), encoded and decoded by Nethereum.</summary>
public sealed class AbiFunction
{
    private static readonly FunctionCallEncoder Encoder = new();
    private static readonly FunctionCallDecoder Decoder = new();

    private AbiFunction(FunctionABI abi) => Definition = abi;

    /// <summary>Nethereum's definition, for the adapters that hand it to Nethereum themselves.</summary>
    public FunctionABI Definition { get; }

    public string Name => Definition.Name;

    /// <summary>The first four bytes of keccak256 of the canonical signature, 0x-prefixed.</summary>
    public string SelectorHex => "0x" + Definition.Sha3Signature;

    /// <summary>Parses <c>transfer(address,uint256)</c> or <c>function balanceOf(address owner) view returns (uint256)</c>.</summary>
    public static AbiFunction Parse(string signature) =>
        new(AbiValues.Parse("function", signature).Functions.SingleOrDefault() ?? throw new AbiException($"'{signature}' is not a function."));

    /// <summary>Selector followed by the encoded arguments.</summary>
    public byte[] EncodeCall(params object?[] arguments)
    {
        if (arguments.Length != Definition.InputParameters.Length)
            throw new AbiException($"{Name} takes {Definition.InputParameters.Length} arguments, not {arguments.Length}.");
        return Hex.Parse(Guard(() => Encoder.EncodeRequest(Definition.Sha3Signature, Definition.InputParameters, AbiValues.ForEncoder(arguments))));
    }

    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData)
    {
        var data = returnData.ToArray();
        return Guard(() => AbiValues.FromDecoder(Decoder.DecodeDefaultData(data, Definition.OutputParameters)));
    }

    /// <summary>eth_call of this function on <paramref name="contract"/> at the latest block, decoded.</summary>
    public async Task<object?[]> CallAsync(IEthApiService eth, string contract, params object?[] arguments)
    {
        var output = await eth.Transactions.Call.SendRequestAsync(new CallInput(Hex.ToHex(EncodeCall(arguments)), contract), BlockParameter.CreateLatest());
        return DecodeOutput(Hex.Parse(output));
    }

    public override string ToString() => $"{Name} ({SelectorHex})";

    internal static T Guard<T>(Func<T> code)
    {
        try
        {
            return code();
        }
        catch (Exception e) when (e is not AbiException and (ArgumentException or InvalidOperationException or FormatException
                                      or OverflowException or IndexOutOfRangeException or InvalidCastException or NotSupportedException))
        {
            throw new AbiException(e.Message, e);
        }
    }
}
