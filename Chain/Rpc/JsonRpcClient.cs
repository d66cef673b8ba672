using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Chain.Rpc;

/// <summary>JSON-RPC 2.0 over HTTP POST with retries: connection failures, timeouts, HTTP 408/429/5xx are retried with
/// exponential backoff and end in <see cref="JsonRpcTransientException"/>; error objects become <see cref="JsonRpcException"/>.</summary>
public sealed class JsonRpcClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private long _nextId;

    /// <summary>Uses a caller-managed HttpClient (e.g. from IHttpClientFactory); per-attempt timeouts still come from the options.</summary>
    public JsonRpcClient(HttpClient http, JsonRpcClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxAttempts, "MaxAttempts must be at least 1.");
        _http = http;
        Options = options;
    }

    public JsonRpcClient(JsonRpcClientOptions options)
        : this(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options) => _ownsHttp = true;

    public JsonRpcClient(Uri endpoint)
        : this(new JsonRpcClientOptions(endpoint))
    {
    }

    public JsonRpcClientOptions Options { get; }

    public Uri Endpoint => Options.Endpoint;

    /// <summary>Sends one request and returns its <c>result</c> (which may be JSON null, e.g. for an unknown receipt).</summary>
    public async Task<JsonElement> RequestAsync(string method, IReadOnlyList<JsonNode?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        var id = Interlocked.Increment(ref _nextId);
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = method,
            ["params"] = new JsonArray(parameters.Select(p => p?.DeepClone()).ToArray()),
        }.ToJsonString();

        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(method, id, body, cancellationToken).ConfigureAwait(false);
            if (outcome.Failure is null)
                return outcome.Result;
            if (attempt >= Options.MaxAttempts)
                throw new JsonRpcTransientException(method, Endpoint, attempt, outcome.Failure, outcome.HttpStatus, outcome.Exception);
            await Task.Delay(Backoff(attempt, outcome.RetryAfter), Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<JsonElement> RequestAsync(string method, params JsonNode?[] parameters) => RequestAsync(method, parameters, CancellationToken.None);

    private async Task<RpcAttempt> AttemptAsync(string method, long id, string body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = JsonContentType;
            using var response = await _http.PostAsync(Endpoint, content, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var transientStatus = status is 408 or 429 || status >= 500;
            var parsed = TryParse(text);

            // An error object is the node's deliberate answer (a revert, bad params) even under a 4xx/500 status;
            // only overload statuses stay retryable whatever the body says.
            if (parsed is { } rpc && rpc.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && status is not (408 or 429 or 502 or 503 or 504))
                throw ToException(method, error);
            if (transientStatus)
                return RpcAttempt.Transient($"HTTP {status} {response.ReasonPhrase}", status, RetryAfter(response));
            if (!response.IsSuccessStatusCode)
                throw new JsonRpcTransportException(method, Endpoint, $"HTTP {status} {response.ReasonPhrase}: {Hex.Truncate(text)}", status);
            if (parsed is not { ValueKind: JsonValueKind.Object } reply)
                throw new JsonRpcTransportException(method, Endpoint, $"the answer is not a JSON-RPC object: {Hex.Truncate(text)}", status);
            if (!reply.TryGetProperty("id", out var replyId) || replyId.ValueKind != JsonValueKind.Number || replyId.GetInt64() != id)
                throw new JsonRpcTransportException(method, Endpoint, $"the answer's id does not match request {id}: {Hex.Truncate(text)}", status);
            if (!reply.TryGetProperty("result", out var result))
                throw new JsonRpcTransportException(method, Endpoint, $"the answer has neither result nor error: {Hex.Truncate(text)}", status);
            return RpcAttempt.Success(result.Clone());
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return RpcAttempt.Transient($"no answer within {Options.RequestTimeout.TotalSeconds:0.###} s", null, null, e);
        }
        catch (HttpRequestException e)
        {
            return RpcAttempt.Transient(e.Message, e.StatusCode is { } code ? (int)code : null, null, e);
        }
        catch (IOException e)
        {
            return RpcAttempt.Transient(e.Message, null, null, e);
        }
    }

    private static JsonElement? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonRpcException ToException(string method, JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var number) ? number : 0;
        var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        JsonElement? data = error.TryGetProperty("data", out var d) ? d.Clone() : null;
        return new JsonRpcException(method, code, message, data);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
            return date - DateTimeOffset.UtcNow;
        return null;
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = Options.InitialBackoff * Math.Pow(2, attempt - 1);
        var jittered = exponential * (0.8 + 0.4 * Random.Shared.NextDouble());
        var wait = retryAfter is { } hint && hint > jittered ? hint : jittered;
        return wait > Options.MaxBackoff ? Options.MaxBackoff : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }
}
