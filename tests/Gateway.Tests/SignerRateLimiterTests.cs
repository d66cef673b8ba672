using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Blocktrack.Gateway.Tests;

/// <summary>The per-signer buckets on a clock the test moves: refilled in whole periods when seen, swept when full again.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class SignerRateLimiterTests
{
    private readonly FakeTimeProvider clock = new();

    private SignerRateLimiter Limiter(int burst = 3, int tokens = 2, bool enabled = true) => new(Options.Create(new EdgeLimitsOptions
    {
        Enabled = enabled,
        Signer = new TokenBucket { Burst = burst, Tokens = tokens, Period = TimeSpan.FromSeconds(10) },
    }), clock);

    [Fact]
    public void A_signer_spends_its_burst_then_waits_for_whole_periods()
    {
        using var limiter = Limiter();
        for (var i = 0; i < 3; i++) limiter.Admit("0xa");
        clock.Advance(TimeSpan.FromSeconds(4));
        var refused = Assert.Throws<ApiProblemException>(() => limiter.Admit("0xa"));
        Assert.Equal(ErrorCodes.RateLimited, refused.Error);
        Assert.Equal(TimeSpan.FromSeconds(6), refused.RetryAfter);
        Assert.Contains("retry after 6 s", refused.Message);

        // One period later: two tokens, not three.
        clock.Advance(TimeSpan.FromSeconds(6));
        limiter.Admit("0xa");
        limiter.Admit("0xa");
        Assert.Throws<ApiProblemException>(() => limiter.Admit("0xa"));
        // Another signer has its own bucket; a long pause refills to the burst and no further.
        limiter.Admit("0xb");
        clock.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 3; i++) limiter.Admit("0xa");
        Assert.Throws<ApiProblemException>(() => limiter.Admit("0xa"));
    }

    [Fact]
    public void The_sweep_drops_only_buckets_that_are_full_again()
    {
        using var limiter = Limiter(burst: 4, tokens: 1);
        limiter.Admit("0xidle");
        clock.Advance(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 4; i++) limiter.Admit("0xbusy");
        Assert.Equal(2, limiter.Tracked);

        limiter.Sweep();
        // The idle signer's one spent token came back; the busy one is still short of its burst.
        Assert.Equal(1, limiter.Tracked);
        Assert.Throws<ApiProblemException>(() => limiter.Admit("0xbusy"));
        for (var i = 0; i < 4; i++) limiter.Admit("0xidle");
        Assert.Throws<ApiProblemException>(() => limiter.Admit("0xidle"));
    }

    [Fact]
    public void The_sweep_runs_on_its_own_once_per_refill_time()
    {
        using var limiter = Limiter(burst: 30, tokens: 1);
        limiter.Admit("0xa");
        // Refilling 30 tokens takes 300 s: the sweep runs every 300 s, and then the bucket is full again.
        clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(1, limiter.Tracked);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, limiter.Tracked);
    }

    [Fact]
    public async Task Callers_at_once_never_take_more_than_the_burst()
    {
        using var limiter = Limiter(burst: 50, tokens: 1);
        var admitted = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    limiter.Admit("0xa");
                    Interlocked.Increment(ref admitted);
                }
                catch (ApiProblemException)
                {
                }
            }
        })));
        Assert.Equal(50, admitted);
    }

    [Fact]
    public void Switched_off_it_refuses_nobody_and_keeps_nothing()
    {
        using var limiter = Limiter(burst: 1, enabled: false);
        for (var i = 0; i < 10; i++) limiter.Admit("0xa");
        Assert.Equal(0, limiter.Tracked);
    }
}
