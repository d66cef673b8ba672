using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// ASP.NET Core's rate limiting at the edge: a policy per kind of call (signed writes, operator calls; reads are the
/// global limiter's, for every endpoint without a policy), each partitioned by client address, answered with 429
/// <c>rate-limited</c> and <c>Retry-After</c>; the client address from a trusted proxy's <c>X-Forwarded-For</c> only.
/// </summary>
public static class EdgeLimits
{
    public const string SignedWritesPolicy = "signed-writes";
    public const string OperatorPolicy = "operator";

    public static IServiceCollection AddEdgeLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<EdgeLimitsOptions>().Bind(config.GetSection(EdgeLimitsOptions.Section))
            .Validate(EdgeLimitsOptions.IsValid, EdgeLimitsOptions.ValidationMessage).ValidateOnStart();
        // Real time, as the framework's limiters keep: the governance clock a test moves is not the pace of requests.
        services.AddSingleton(sp => new SignerRateLimiter(sp.GetRequiredService<IOptions<EdgeLimitsOptions>>(), TimeProvider.System));
        services.AddSingleton<OperatorKeyLockout>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<EdgeLimitsOptions>>(ConfigureForwarding);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<EdgeLimitsOptions>>((limiter, edge) => Configure(limiter, edge.Value));
        return services;
    }

    /// <summary>
    /// A token bucket of these settings; no queue, so an over-limit request is refused at once rather than held. Every
    /// bucket here is a partition of a partitioned limiter, whose own 100 ms heartbeat refills it: auto-replenishment
    /// would add a timer per partition, i.e. per client address and per signer (10,000 timers for 10,000 voters).
    /// </summary>
    public static TokenBucketRateLimiterOptions Bucket(TokenBucket bucket) => new()
    {
        TokenLimit = bucket.Burst,
        TokensPerPeriod = bucket.Tokens,
        ReplenishmentPeriod = bucket.Period,
        QueueLimit = 0,
        AutoReplenishment = false,
    };

    /// <summary>Answers a refusal of the limits as a problem with <c>Retry-After</c> in whole seconds (at least one).</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan after) =>
        response.Headers.RetryAfter = SecondsOf(after).ToString(CultureInfo.InvariantCulture);

    private static void ConfigureForwarding(ForwardedHeadersOptions forwarding, IOptions<EdgeLimitsOptions> edge)
    {
        // With both lists empty the middleware would believe any peer, so without a trusted proxy nothing is forwarded.
        forwarding.ForwardedHeaders = edge.Value.TrustedProxies.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The framework trusts loopback by default; a sidecar on loopback is configured like any other proxy, or not at all.
        forwarding.KnownProxies.Clear();
        forwarding.KnownIPNetworks.Clear();
        foreach (var proxy in edge.Value.TrustedProxies)
        {
            if (IPAddress.TryParse(proxy, out var address)) forwarding.KnownProxies.Add(address);
            else forwarding.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
        }
    }

    private static void Configure(RateLimiterOptions limiter, EdgeLimitsOptions edge)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(SignedWritesPolicy, http => PerClient(edge, SignedWritesPolicy, edge.SignedWrites, http));
        limiter.AddPolicy(OperatorPolicy, http => PerClient(edge, OperatorPolicy, edge.Operator, http));
        // Every endpoint without a policy of its own (reads, unknown routes) is a read; those with one are counted there only.
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
                ? RateLimitPartition.GetNoLimiter("has-policy")
                : PerClient(edge, "reads", edge.Reads, http));
        limiter.OnRejected = (context, cancel) =>
        {
            var after = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1);
            return WriteRateLimitedAsync(context.HttpContext, after,
                $"Too many requests from {ClientAddress.Of(context.HttpContext)}; retry after {SecondsOf(after)} s.");
        };
    }

    private static RateLimitPartition<string> PerClient(EdgeLimitsOptions edge, string policy, TokenBucket bucket, HttpContext http) =>
        edge.Enabled
            ? RateLimitPartition.GetTokenBucketLimiter(policy + ":" + ClientAddress.Of(http), _ => Bucket(bucket))
            : RateLimitPartition.GetNoLimiter(policy);

    private static async ValueTask WriteRateLimitedAsync(HttpContext http, TimeSpan after, string detail)
    {
        SetRetryAfter(http.Response, after);
        http.Response.StatusCode = ErrorCodes.RateLimited.Status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http, ProblemDetails = Problems.Create(ErrorCodes.RateLimited, detail),
        });
    }

    internal static long SecondsOf(TimeSpan after) => Math.Max(1, (long)Math.Ceiling(after.TotalSeconds));
}
