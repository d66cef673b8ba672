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

    /// <summary>Parses <c>transfer(address,uint256)</c>, <c>function balanceOf(address owner) view returns (uint256)</c>, or ABI JSON
    /// of one function (the way to nested tuples, which Nethereum's signature parser cannot read).</summary>
    public static AbiFunction Parse(string signature) =>
        new(AbiValues.Parse("function", signature).Functions.SingleOrDefault()
            ?? throw new AbiException($"'{signature}' is not a function."));

    /// <summary>Selector followed by the encoded arguments.</summary>
    public byte[] EncodeCall(params object?[] arguments)
    {
        var inputs = Definition.InputParameters;
        if (arguments.Length != inputs.Length)
            throw new AbiException($"{Name} takes {inputs.Length} arguments, not {arguments.Length}.");
        // Nethereum pads a short address string with zeros rather than refuse it.
        if (inputs.Select((p, i) => p.Type == "address" && !(arguments[i] is string a && EthAddress.TryParse(a, out _))).Any(bad => bad))
            throw new AbiException($"{Name}: an address argument is not 20 bytes of 0x hex.");
        return Hex.Parse(Guard(() => Encoder.EncodeRequest(Definition.Sha3Signature, inputs, AbiValues.ForEncoder(arguments))));
    }

    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData)
    {
        var data = returnData.ToArray();
        var outputs = Definition.OutputParameters;
        return Guard(() => AbiValues.Strict(outputs, AbiValues.FromDecoder(Decoder.DecodeDefaultData(data, outputs)), data));
    }

    /// <summary>eth_call of this function on <paramref name="contract"/> at the latest block, decoded.</summary>
    public Task<object?[]> CallAsync(IEthApiService eth, string contract, params object?[] arguments) =>
        CallAtAsync(eth, contract, BlockParameter.CreateLatest(), arguments);

    /// <summary>eth_call of this function on <paramref name="contract"/> at <paramref name="block"/>, decoded.</summary>
    public async Task<object?[]> CallAtAsync(IEthApiService eth, string contract, BlockParameter block, params object?[] arguments)
    {
        var call = new CallInput(Hex.ToHex(EncodeCall(arguments)), contract);
        var output = await eth.Transactions.Call.SendRequestAsync(call, block);
        return DecodeOutput(Hex.Parse(output));
    }

    public override string ToString() => $"{Name} ({SelectorHex})";

    internal static T Guard<T>(Func<T> code)
    {
        try
        {
            return code();
        }
        // Nethereum also throws plain Exceptions for values of the wrong kind.
        catch (Exception e) when (e is not AbiException and (ArgumentException or InvalidOperationException or FormatException
                                      or OverflowException or IndexOutOfRangeException or InvalidCastException or NotSupportedException
                                      or AbiEncodingException)
                                  || e.GetType() == typeof(Exception))
        {
            throw new AbiException(e.Message, e);
        }
    }
}
