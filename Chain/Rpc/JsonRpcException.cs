using System.Text.Json;
using Blocktrack.Chain.Abi;

namespace Blocktrack.Chain.Rpc;

/// <summary>The node answered with a JSON-RPC error object. For reverts, <see cref="RevertData"/> holds the raw revert bytes
/// and <see cref="Revert"/> their decoding (Error(string), Panic(uint256) or a custom error's selector).</summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException(string method, int code, string rpcMessage, JsonElement? data)
        : base(BuildMessage(method, code, rpcMessage, data))
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data;
        RevertData = RevertDataReader.Find(data);
        Revert = RevertData is null ? null : RevertReason.Decode(RevertData);
    }

    public string Method { get; }

    public int Code { get; }

    /// <summary>The error object's message, as the node wrote it.</summary>
    public string RpcMessage { get; }

    /// <summary>The error object's data member, when present.</summary>
    public JsonElement? ErrorData { get; }

    public byte[]? RevertData { get; }

    public RevertReason? Revert { get; }

    public bool IsRevert => Revert is not null || Code == 3 || RpcMessage.Contains("revert", StringComparison.OrdinalIgnoreCase);

    private static string BuildMessage(string method, int code, string rpcMessage, JsonElement? data)
    {
        var revert = RevertDataReader.Find(data) is { } bytes ? $" (revert: {RevertReason.Decode(bytes)})" : "";
        return $"{method} failed with JSON-RPC error {code}: {Hex.Truncate(rpcMessage)}{revert}";
    }
}
