using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// Locks a client address out of every operator call for a while after repeated wrong keys, so a key cannot be guessed at
/// the rate limit's pace. In memory per Gateway: a guesser spread over Gateways is still held to each one's lockout.
/// </summary>
public sealed class OperatorKeyLockout(IOptions<EdgeLimitsOptions> options, TimeProvider time)
{
    // Beyond this many clients remembered, forgotten failures are swept so a spray of addresses cannot grow memory forever.
    private const int SweepAbove = 10_000;
    private readonly EdgeLimitsOptions edge = options.Value;
    private readonly ConcurrentDictionary<string, Failures> clients = new();

    /// <summary>How much longer <paramref name="client"/> is locked out; null when it is not.</summary>
    public TimeSpan? LockedFor(string client)
    {
        if (!edge.Enabled || !clients.TryGetValue(client, out var failures)) return null;
        var left = failures.LockedUntil - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Records a wrong key; the <see cref="EdgeLimitsOptions.KeyFailures"/>th within the window starts the lockout.</summary>
    public void Failed(string client)
    {
        if (!edge.Enabled) return;
        var now = time.GetUtcNow();
        clients.AddOrUpdate(client, _ => Next(new Failures(now, 0, DateTimeOffset.MinValue), now), (_, f) => Next(f, now));
        if (clients.Count > SweepAbove) Sweep(now);
    }

    /// <summary>A right key forgets earlier typos of the client (not a lockout in force: that is checked first).</summary>
    public void Succeeded(string client)
    {
        if (edge.Enabled) clients.TryRemove(client, out _);
    }

    private Failures Next(Failures failures, DateTimeOffset now)
    {
        var inWindow = now - failures.WindowStart < edge.KeyFailureWindow;
        var count = inWindow ? failures.Count + 1 : 1;
        var start = inWindow ? failures.WindowStart : now;
        return count >= edge.KeyFailures ? new Failures(now, 0, now + edge.KeyLockout) : new Failures(start, count, failures.LockedUntil);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (client, failures) in clients)
        {
            if (failures.LockedUntil <= now && now - failures.WindowStart >= edge.KeyFailureWindow) clients.TryRemove(client, out _);
        }
    }

    private sealed record Failures(DateTimeOffset WindowStart, int Count, DateTimeOffset LockedUntil);
}
