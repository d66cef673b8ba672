using System.Text.Json;

namespace Blocktrack.Chain.Rpc;

/// <summary>One try of a request: a result, or why it failed transiently (non-transient failures are thrown).</summary>
internal readonly record struct RpcAttempt(JsonElement Result, string? Failure, int? HttpStatus, TimeSpan? RetryAfter, Exception? Exception)
{
    public static RpcAttempt Success(JsonElement result) => new(result, null, null, null, null);

    public static RpcAttempt Transient(string failure, int? status, TimeSpan? retryAfter, Exception? exception = null) =>
        new(default, failure, status, retryAfter, exception);
}
