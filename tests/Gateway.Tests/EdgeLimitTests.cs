using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The abuse limits over real HTTP on Gateways of their own with low limits: a burst is refused with 429 rate-limited and
/// Retry-After, honest traffic within the limits never is, a signer's budget is spent only by its verified signatures,
/// and X-Forwarded-For names the client only when a trusted proxy sent it.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class EdgeLimitTests
{
    private const string Hour = "01:00:00";

    private static Dictionary<string, string?> Limits(params (string Key, string Value)[] settings) =>
        settings.ToDictionary(s => "Gateway:Limits:" + s.Key, s => (string?)s.Value);

    private static async Task<T> On<T>(Dictionary<string, string?> settings, Func<GatewayFixture, Task<T>> test)
    {
        var gateway = GatewayFixture.Bare(settings);
        await gateway.InitializeAsync();
        try
        {
            return await test(gateway);
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    private static HttpRequestMessage Read(string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/eip712");
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static HttpContent Ballot(GatewayFixture gateway, TestKey signer, TestKey voter) =>
        Json.Content(TypedDataSigner.Envelope(signer, "Ballot", Messages.Ballot(voter, "nowhere/1", 1, gateway.Now)));

    private static async Task RateLimited(HttpResponseMessage response, int atLeastSeconds = 1)
    {
        await ProblemAssert.Is(response, HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After");
        Assert.InRange(retryAfter.TotalSeconds, atLeastSeconds, 3600);
    }

    [Fact]
    public async Task A_burst_of_reads_beyond_the_bucket_is_refused_with_retry_after() =>
        await On(Limits(("Reads:Burst", "5"), ("Reads:Tokens", "5"), ("Reads:Period", Hour)), async gateway =>
        {
            for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(Read())).StatusCode);
            await RateLimited(await gateway.Http.SendAsync(Read()), atLeastSeconds: 60);
            // Unknown routes are reads too: probing for endpoints costs the same budget.
            await RateLimited(await gateway.Http.GetAsync("/no/such/route"));
            return true;
        });

    [Fact]
    public async Task Honest_traffic_paced_within_the_limit_is_never_refused() =>
        await On(Limits(("Reads:Burst", "10"), ("Reads:Tokens", "10"), ("Reads:Period", "00:00:00.1")), async gateway =>
        {
            // 100 reads/s allowed; the client asks at most 25/s (a timer tick never fires twice to catch up).
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(40));
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 60; i++)
            {
                await pace.WaitForNextTickAsync();
                statuses.Add((await gateway.Http.SendAsync(Read())).StatusCode);
            }
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
            return true;
        });

    [Fact]
    public async Task A_signer_is_limited_on_its_verified_signatures_only() =>
        await On(Limits(("Signer:Burst", "3"), ("Signer:Tokens", "3"), ("Signer:Period", Hour)), async gateway =>
        {
            // Forgeries claiming Alice are refused before they are counted, so they cannot spend her budget.
            for (var i = 0; i < 5; i++)
            {
                var forged = await gateway.Http.PostAsync("/proposals/nowhere/1/ballots", Ballot(gateway, TestKey.Bob, TestKey.Alice));
                await ProblemAssert.Is(forged, HttpStatusCode.Unauthorized, "signature-invalid");
            }
            for (var i = 0; i < 3; i++)
            {
                var own = await gateway.Http.PostAsync("/proposals/nowhere/1/ballots", Ballot(gateway, TestKey.Alice, TestKey.Alice));
                await ProblemAssert.Is(own, HttpStatusCode.NotFound, "proposal-not-found");
            }
            await RateLimited(await gateway.Http.PostAsync("/proposals/nowhere/1/ballots", Ballot(gateway, TestKey.Alice, TestKey.Alice)));
            // Same client address, another signer: its own budget.
            var bob = await gateway.Http.PostAsync("/proposals/nowhere/1/ballots", Ballot(gateway, TestKey.Bob, TestKey.Bob));
            await ProblemAssert.Is(bob, HttpStatusCode.NotFound, "proposal-not-found");
            return true;
        });

    [Fact]
    public async Task Signed_writes_and_operator_calls_have_buckets_of_their_own() =>
        await On(Limits(("SignedWrites:Burst", "2"), ("SignedWrites:Tokens", "2"), ("SignedWrites:Period", Hour),
            ("Operator:Burst", "1"), ("Operator:Tokens", "1"), ("Operator:Period", Hour)), async gateway =>
        {
            Task<HttpResponseMessage> Feed() => gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post,
                $"/voters/{TestKey.Mallory.Address}/balances",
                new System.Text.Json.Nodes.JsonObject { ["token"] = "btk", ["timepoint"] = gateway.Now - 1, ["balance"] = "1" }));
            Assert.Equal(HttpStatusCode.OK, (await Feed()).StatusCode);
            await RateLimited(await Feed());
            foreach (var signer in new[] { TestKey.Alice, TestKey.Bob })
            {
                var ballot = await gateway.Http.PostAsync("/proposals/nowhere/1/ballots", Ballot(gateway, signer, signer));
                await ProblemAssert.Is(ballot, HttpStatusCode.NotFound, "proposal-not-found");
            }
            // A third signer, the same client: the client's signed-writes bucket is empty. Reads still pass.
            await RateLimited(await gateway.Http.PostAsync("/proposals/nowhere/1/ballots", Ballot(gateway, TestKey.Carol, TestKey.Carol)));
            Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(Read())).StatusCode);
            return true;
        });

    [Fact]
    public async Task X_forwarded_for_from_an_untrusted_peer_is_ignored() =>
        await On(Limits(("Reads:Burst", "3"), ("Reads:Tokens", "3"), ("Reads:Period", Hour)), async gateway =>
        {
            // The peer is loopback, which ASP.NET Core trusts by default; here nothing is trusted unless configured.
            for (var i = 1; i <= 3; i++)
                Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(Read($"203.0.113.{i}"))).StatusCode);
            await RateLimited(await gateway.Http.SendAsync(Read("203.0.113.4")));
            return true;
        });

    [Fact]
    public async Task X_forwarded_for_from_a_trusted_proxy_names_the_client() =>
        await On(Limits(("Reads:Burst", "3"), ("Reads:Tokens", "3"), ("Reads:Period", Hour), ("TrustedProxies:0", "127.0.0.0/8")),
            async gateway =>
            {
                for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(Read("203.0.113.9"))).StatusCode);
                await RateLimited(await gateway.Http.SendAsync(Read("203.0.113.9")));
                Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(Read("198.51.100.20"))).StatusCode);
                // The proxy's own requests are its own client.
                Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(Read())).StatusCode);
                return true;
            });

    [Fact]
    public async Task Repeated_wrong_operator_keys_lock_the_client_out_for_a_while() =>
        await On(Limits(("KeyFailures", "3"), ("KeyLockout", "00:10:00"), ("TrustedProxies:0", "127.0.0.1")), async gateway =>
        {
            Task<HttpResponseMessage> Feed(string key, string client)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/voters/{TestKey.Mallory.Address}/balances")
                {
                    Content = Json.Content(new System.Text.Json.Nodes.JsonObject
                    {
                        ["token"] = "btk", ["timepoint"] = gateway.Now - 1, ["balance"] = "1",
                    }),
                };
                request.Headers.Add(OperatorApiKey.HeaderName, key);
                request.Headers.Add("X-Forwarded-For", client);
                return gateway.Http.SendAsync(request);
            }

            const string guesser = "203.0.113.66", colleague = "198.51.100.7";
            for (var i = 0; i < 3; i++) await ProblemAssert.Is(await Feed("guess-" + i, guesser), HttpStatusCode.Unauthorized, "api-key-invalid");
            var locked = await Feed(GatewayFixture.OperatorKey, guesser);
            await ProblemAssert.Is(locked, HttpStatusCode.TooManyRequests, "api-key-locked-out");
            Assert.InRange(locked.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 590, 600);
            Assert.Equal(HttpStatusCode.OK, (await Feed(GatewayFixture.OperatorKey, colleague)).StatusCode);

            gateway.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.OK, (await Feed(GatewayFixture.OperatorKey, guesser)).StatusCode);
            return true;
        });

    [Fact]
    public void The_defaults_let_a_relayer_through_and_hold_one_signer_to_a_human_pace()
    {
        var defaults = new EdgeLimitsOptions();
        Assert.True(EdgeLimitsOptions.IsValid(defaults));
        // The gateway benchmark posts 22,000 signed ballots of distinct voters from one address at ~3,600/s.
        Assert.True(defaults.SignedWrites.Burst + defaults.SignedWrites.Tokens / defaults.SignedWrites.Period.TotalSeconds * 7 >= 22_000);
        Assert.True(defaults.Signer.Burst <= 200 && defaults.Signer.Tokens / defaults.Signer.Period.TotalSeconds <= 5);
        Assert.False(EdgeLimitsOptions.IsValid(new EdgeLimitsOptions { TrustedProxies = ["not-an-address"] }));
        Assert.False(EdgeLimitsOptions.IsValid(new EdgeLimitsOptions { Reads = new TokenBucket { Burst = 0, Tokens = 1, Period = TimeSpan.FromSeconds(1) } }));
    }

    [Fact]
    public async Task Limits_switched_off_refuse_nothing() =>
        await On(Limits(("Enabled", "false"), ("Reads:Burst", "1"), ("Reads:Tokens", "1"), ("Reads:Period", Hour)), async gateway =>
        {
            Assert.False(gateway.Services.GetRequiredService<IOptions<EdgeLimitsOptions>>().Value.Enabled);
            for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(Read())).StatusCode);
            return true;
        });
}
