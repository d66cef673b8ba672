using System.Text.Json;
using Blocktrack.Chain.Rpc;

namespace Blocktrack.Chain.Abi;

/// <summary>A contract's ABI JSON: functions, events and errors by name, log and revert decoding.</summary>
public sealed class ContractAbi
{
    private ContractAbi(IReadOnlyList<AbiFunction> functions, IReadOnlyList<AbiEvent> events, IReadOnlyList<AbiError> errors, IReadOnlyList<AbiParameter> constructorInputs)
    {
        Functions = functions;
        Events = events;
        Errors = errors;
        ConstructorInputs = constructorInputs;
    }

    public IReadOnlyList<AbiFunction> Functions { get; }

    public IReadOnlyList<AbiEvent> Events { get; }

    public IReadOnlyList<AbiError> Errors { get; }

    /// <summary>Parameters of the constructor; empty when the contract declares none.</summary>
    public IReadOnlyList<AbiParameter> ConstructorInputs { get; }

    public static ContractAbi Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    /// <summary>Reads the ABI array (entries of other types, such as fallback and receive, are skipped).</summary>
    public static ContractAbi FromJson(JsonElement abi)
    {
        if (abi.ValueKind != JsonValueKind.Array)
            throw new AbiException("An ABI must be a JSON array.");
        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        IReadOnlyList<AbiParameter> constructorInputs = [];
        foreach (var entry in abi.EnumerateArray())
        {
            // Old compilers omitted "type" for functions.
            var type = entry.TryGetProperty("type", out var t) ? t.GetString() : "function";
            switch (type)
            {
                case "function": functions.Add(AbiFunction.FromJson(entry)); break;
                case "event": events.Add(AbiEvent.FromJson(entry)); break;
                case "error": errors.Add(AbiError.FromJson(entry)); break;
                case "constructor": constructorInputs = AbiJson.Parameters(entry, "inputs"); break;
            }
        }
        return new ContractAbi(functions, events, errors, constructorInputs);
    }

    /// <summary>A function by name, or by full signature when the name is overloaded.</summary>
    public AbiFunction Function(string nameOrSignature) => Find(Functions, nameOrSignature, f => f.Name, f => f.Signature, "function");

    public AbiEvent Event(string nameOrSignature) => Find(Events, nameOrSignature, e => e.Name, e => e.Signature, "event");

    public AbiError Error(string nameOrSignature) => Find(Errors, nameOrSignature, e => e.Name, e => e.Signature, "error");

    public byte[] EncodeConstructor(params object?[] arguments) => AbiEncoder.Encode(ConstructorInputs, arguments);

    /// <summary>Decodes a log with whichever event of this ABI its topic0 names; null for foreign or anonymous logs.</summary>
    public DecodedEvent? TryDecodeLog(LogEntry log)
    {
        var match = Events.FirstOrDefault(e => e.Matches(log));
        return match?.Decode(log);
    }

    public DecodedError? TryDecodeError(ReadOnlySpan<byte> revertData)
    {
        foreach (var error in Errors)
        {
            if (error.Matches(revertData))
                return error.Decode(revertData);
        }
        return null;
    }

    private static T Find<T>(IReadOnlyList<T> items, string key, Func<T, string> name, Func<T, string> signature, string what)
    {
        var bySignature = items.Where(i => signature(i) == key).ToArray();
        if (bySignature.Length == 1)
            return bySignature[0];
        var byName = items.Where(i => name(i) == key).ToArray();
        return byName.Length switch
        {
            1 => byName[0],
            0 => throw new AbiException($"The ABI has no {what} '{key}'."),
            _ => throw new AbiException($"The {what} name '{key}' is overloaded; use one of {string.Join(", ", byName.Select(signature))}."),
        };
    }
}
