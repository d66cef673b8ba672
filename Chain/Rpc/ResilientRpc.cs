using Microsoft.Extensions.Http.Resilience;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;
using Polly;

namespace Blocktrack.Chain.Rpc;

/// <summary>
/// Nethereum's JSON-RPC client over an <see cref="HttpClient"/> with the .NET resilience pipeline: Nethereum has no retry
/// policy of its own. Connection failures, per-attempt timeouts and HTTP 408/429/5xx are retried with exponential backoff
/// and jitter, <c>Retry-After</c> honoured; when every attempt fails, or at once for any other failure, Nethereum throws
/// <see cref="RpcClientUnknownException"/>; a JSON-RPC error object throws <see cref="RpcResponseException"/>.
/// </summary>
public static class ResilientRpc
{
    public static RpcClient Create(RpcOptions options, HttpMessageHandler? transport = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1, BackoffType = DelayBackoffType.Exponential, UseJitter = true,
                Delay = options.InitialBackoff, MaxDelay = options.MaxBackoff, ShouldRetryAfterHeader = true,
            });
        }
        var pipeline = builder.AddTimeout(options.RequestTimeout).Build();
        var http = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = transport ?? new SocketsHttpHandler() })
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline times each attempt
        };
        return new RpcClient(options.Endpoint, http, null, null, null);
    }

    /// <summary>A read-only Web3 (no account) over <see cref="Create"/>.</summary>
    public static Web3 Web3(RpcOptions options) => new(Create(options));
}
