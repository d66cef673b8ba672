using System.Net;

namespace Blocktrack.Gateway;

/// <summary>
/// Abuse limits at the edge, bound from <c>Gateway:Limits</c>: token buckets per client address for reads, signed writes and
/// operator calls, one per signer for signed writes, the lockout after wrong operator keys, and the proxies whose
/// <c>X-Forwarded-For</c> is believed.
/// </summary>
public sealed class EdgeLimitsOptions
{
    public const string Section = "Gateway:Limits";

    /// <summary>False turns every rate limit and the lockout off (a Gateway behind a gateway that already limits).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>GET requests and anything that is neither a signed write nor an operator call, per client address.</summary>
    public TokenBucket Reads { get; set; } = new() { Burst = 1_000, Tokens = 200, Period = TimeSpan.FromSeconds(1) };

    /// <summary>
    /// Signed requests per client address. Generous on purpose: one relayer (a dApp's backend, the benchmark) may post the
    /// ballots of thousands of wallets; <see cref="Signer"/> is what stops one account flooding.
    /// </summary>
    public TokenBucket SignedWrites { get; set; } = new() { Burst = 20_000, Tokens = 5_000, Period = TimeSpan.FromSeconds(1) };

    /// <summary>Signed requests per signer, counted once the signature is verified, so forgeries cannot spend a voter's budget.</summary>
    public TokenBucket Signer { get; set; } = new() { Burst = 120, Tokens = 2, Period = TimeSpan.FromSeconds(1) };

    /// <summary>Operator calls per client address (feeders push balances in bulk).</summary>
    public TokenBucket Operator { get; set; } = new() { Burst = 10_000, Tokens = 1_000, Period = TimeSpan.FromSeconds(1) };

    /// <summary>Wrong operator keys from one client address within <see cref="KeyFailureWindow"/> that lock it out.</summary>
    public int KeyFailures { get; set; } = 10;

    public TimeSpan KeyFailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a locked-out client address is refused every operator call, right key or not.</summary>
    public TimeSpan KeyLockout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Addresses (<c>10.0.0.7</c>) or networks (<c>10.0.0.0/8</c>) of the proxies in front (the ingress); only their
    /// <c>X-Forwarded-For</c> names the client. Empty: the peer address is the client, whatever the headers say.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public const string ValidationMessage =
        "Gateway:Limits is invalid: every bucket needs a positive Burst, Tokens and Period, KeyFailures, KeyFailureWindow and "
        + "KeyLockout must be positive, and every TrustedProxies entry must be an IP address or a CIDR network.";

    public static bool IsValid(EdgeLimitsOptions o) =>
        new[] { o.Reads, o.SignedWrites, o.Signer, o.Operator }.All(b => b.IsValid)
        && o.KeyFailures > 0 && o.KeyFailureWindow > TimeSpan.Zero && o.KeyLockout > TimeSpan.Zero
        && o.TrustedProxies.All(p => IPAddress.TryParse(p, out _) || IPNetwork.TryParse(p, out _));
}

/// <summary>A token bucket: <see cref="Burst"/> requests at once, refilled by <see cref="Tokens"/> every <see cref="Period"/>.</summary>
public sealed class TokenBucket
{
    public int Burst { get; set; }

    public int Tokens { get; set; }

    public TimeSpan Period { get; set; }

    internal bool IsValid => Burst > 0 && Tokens > 0 && Period > TimeSpan.Zero;
}
