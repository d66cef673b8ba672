using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Chain.Rpc;

/// <summary>Conversions between JSON-RPC objects and our records.</summary>
internal static class RpcJson
{
    public static BlockHeader Block(JsonElement block) => new(
        Long(block, "number"),
        Lower(block, "hash"),
        Lower(block, "parentHash"),
        Long(block, "timestamp"),
        block.TryGetProperty("baseFeePerGas", out var fee) && fee.ValueKind == JsonValueKind.String ? HexQuantity.Parse(fee.GetString()) : null);

    public static LogEntry Log(JsonElement log) => new(
        Lower(log, "address"),
        log.GetProperty("topics").EnumerateArray().Select(t => (t.GetString() ?? "").ToLowerInvariant()).ToArray(),
        Hex.Parse(log.GetProperty("data").GetString() ?? "0x"),
        Long(log, "blockNumber"),
        Lower(log, "blockHash"),
        Lower(log, "transactionHash"),
        (int)Long(log, "transactionIndex"),
        (int)Long(log, "logIndex"),
        log.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True);

    public static TransactionReceipt Receipt(JsonElement receipt) => new(
        Lower(receipt, "transactionHash"),
        Long(receipt, "blockNumber"),
        Lower(receipt, "blockHash"),
        Lower(receipt, "from"),
        OptionalLower(receipt, "to"),
        OptionalLower(receipt, "contractAddress"),
        // Pre-Byzantium receipts carry a state root instead of a status; nothing we talk to is that old.
        receipt.TryGetProperty("status", out var status) && HexQuantity.Parse(status.GetString()) == 1,
        Quantity(receipt, "gasUsed"),
        receipt.TryGetProperty("effectiveGasPrice", out var price) && price.ValueKind == JsonValueKind.String ? HexQuantity.Parse(price.GetString()) : null,
        receipt.GetProperty("logs").EnumerateArray().Select(Log).ToArray());

    public static FeeHistory FeeHistory(JsonElement history) => new(
        Long(history, "oldestBlock"),
        Array(history, "baseFeePerGas").Select(e => HexQuantity.Parse(e.GetString())).ToArray(),
        Array(history, "gasUsedRatio").Select(e => e.GetDouble()).ToArray(),
        Array(history, "reward").Select(r => (IReadOnlyList<BigInteger>)r.EnumerateArray().Select(e => HexQuantity.Parse(e.GetString())).ToArray()).ToArray());

    public static JsonObject Call(CallRequest call)
    {
        var json = new JsonObject();
        if (call.From is not null)
            json["from"] = EthAddress.Normalize(call.From);
        if (call.To is not null)
            json["to"] = EthAddress.Normalize(call.To);
        if (call.Data is not null)
            json["data"] = Hex.ToHex(call.Data);
        if (call.Value is { } value)
            json["value"] = HexQuantity.From(value);
        if (call.Gas is { } gas)
            json["gas"] = HexQuantity.From(gas);
        return json;
    }

    public static JsonObject Filter(LogFilter filter, long from, long to)
    {
        var json = new JsonObject { ["fromBlock"] = HexQuantity.From(from), ["toBlock"] = HexQuantity.From(to) };
        if (filter.Addresses is { Count: > 0 } addresses)
            json["address"] = new JsonArray(addresses.Select(a => (JsonNode)EthAddress.Normalize(a)).ToArray());
        if (filter.Topics is { Count: > 0 } topics)
            json["topics"] = new JsonArray(topics.Select(position => position is null
                ? null
                : (JsonNode)new JsonArray(position.Select(t => (JsonNode)Hex.ToHex(Hex.Parse(t, 32))).ToArray())).ToArray());
        return json;
    }

    public static long Long(JsonElement owner, string name) => HexQuantity.ParseLong(owner.GetProperty(name).GetString());

    public static BigInteger Quantity(JsonElement owner, string name) => HexQuantity.Parse(owner.GetProperty(name).GetString());

    private static string Lower(JsonElement owner, string name) =>
        (owner.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null.")).ToLowerInvariant();

    private static string? OptionalLower(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.ToLowerInvariant() : null;

    private static IEnumerable<JsonElement> Array(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
}
