using System.Globalization;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Transactions;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace Blocktrack.Tests.Support;

/// <summary>A deployed contract for tests: Nethereum's <see cref="Contract"/> from its ABI JSON, with plain values in and out.</summary>
public sealed class DevContract(DevChain chain, string address, string abi)
{
    public Contract Contract { get; } = chain.Eth.GetContract(abi, address);

    public string Address { get; } = address.ToLowerInvariant();

    public byte[] Encode(string function, params object?[] arguments) =>
        Hex.Parse(Contract.GetFunction(function).GetData(AbiValues.ForEncoder(arguments)!));

    public Task<T> CallAsync<T>(string function, params object?[] arguments) =>
        Contract.GetFunction(function).CallAsync<T>(AbiValues.ForEncoder(arguments)!);

    /// <summary>Every output of a view, decoded to plain values (tuples and arrays as <c>object?[]</c>).</summary>
    public async Task<object?[]> CallAllAsync(string function, params object?[] arguments) =>
        AbiValues.FromDecoder(await Contract.GetFunction(function).CallDecodingToDefaultAsync(AbiValues.ForEncoder(arguments)!));

    /// <summary>The revert of an eth_call from <paramref name="from"/>: a custom error as <c>Name(values)</c>, else the reason.</summary>
    public async Task<string> RevertOf(string function, string from, params object?[] arguments)
    {
        var call = Contract.GetFunction(function);
        var values = AbiValues.ForEncoder(arguments)!;
        var e = await Assert.ThrowsAnyAsync<Exception>(() => call.CallDecodingToDefaultAsync(from, null, null, values));
        if (e is not SmartContractCustomErrorRevertException custom) return Assert.IsType<SmartContractRevertException>(e).RevertMessage;
        // Nethereum reads only Error(string) as a reason; Panic(uint256) comes as a custom error that no ABI declares.
        if (custom.ExceptionEncodedData.StartsWith("0x4e487b71", StringComparison.Ordinal))
            return $"Panic(0x{BigInteger.Parse("0" + custom.ExceptionEncodedData[10..], NumberStyles.HexNumber):x2})";
        var error = Assert.Single(Contract.ContractBuilder.ContractABI.Errors,
            x => custom.ExceptionEncodedData.StartsWith("0x" + x.Sha3Signature, StringComparison.OrdinalIgnoreCase));
        var data = custom.ExceptionEncodedData[10..];
        var decoded = AbiValues.FromDecoder(new FunctionCallDecoder().DecodeDefaultData(data, error.InputParameters));
        var shown = decoded.Select(v => v is string s && !s.StartsWith("0x", StringComparison.Ordinal) ? $"\"{s}\"" : v?.ToString());
        return $"{error.Name}({string.Join(", ", shown)})";
    }

    public Task<TransactionOutcome> SendAsync(byte[] key, string function, params object?[] arguments) =>
        chain.Sender(key).SendAsync(Address, Encode(function, arguments));

    /// <summary>Sends and asserts that it succeeded.</summary>
    public async Task<TransactionReceipt> SucceedAsync(byte[] key, string function, params object?[] arguments)
    {
        var sent = await SendAsync(key, function, arguments);
        Assert.True(sent.Succeeded, $"{function}: {sent.Error}");
        return sent.Receipt!;
    }

    /// <summary>The logs of this contract among <paramref name="logs"/>, decoded with its ABI.</summary>
    public IReadOnlyList<DecodedEvent> DecodeLogs(IEnumerable<FilterLog> logs) =>
    [
        .. from log in logs
           where string.Equals(log.Address, Address, StringComparison.OrdinalIgnoreCase)
           let abi = Contract.ContractBuilder.ContractABI.Events.FirstOrDefault(e => "0x" + e.Sha3Signature == (string)log.Topics[0])
           where abi is not null
           select AbiEvent.Of(abi).Decode([.. log.Topics.Select(t => (string)t)], Hex.Parse(log.Data)),
    ];

    public IReadOnlyList<DecodedEvent> DecodeLogs(TransactionReceipt receipt) => DecodeLogs(receipt.Logs);
}
