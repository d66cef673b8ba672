using System.Collections.Concurrent;
using System.Diagnostics;

namespace Blocktrack.Cluster.Tests;

/// <summary>
/// Sends pre-signed ballots through the Gateway with bounded concurrency, as wallets would during a busy vote. A ballot
/// answered 503 (or not at all) is sent again with the very same signed message until it gets a definite answer or the
/// cut-off passes; a retry answered 409 <c>replayed</c> proves an earlier attempt was counted, so it is acknowledged too.
/// A client that waited <see cref="AttemptTimeout"/> gives up on that attempt and sends again, as a wallet would, so a
/// call stuck on a silo that has just died (it only times out inside the cluster after the response timeout) does not
/// hold a storm worker. Every request is recorded, so tests can see when the cluster stopped and started serving.
/// <see cref="WhenAcknowledged"/> and <see cref="Rate"/> let a test act, and measure, while it runs. With
/// <c>perSecond</c>, ballot i is not sent before i / perSecond seconds: an offered load that lasts as long as a test's steps.
/// <see cref="HoldBack"/> keeps the last ballots until <see cref="Release"/>: a test that asserts ballots are served
/// after a fault releases them once the fault is over, so that assertion does not depend on how fast the machine is.
/// </summary>
public sealed class BallotStorm(
    Func<GatewayApi> api, IReadOnlyList<StormBallot> ballots, int concurrency, DateTimeOffset cutOff, double? perSecond = null)
{
    /// <summary>A storm through one Gateway.</summary>
    public BallotStorm(GatewayApi api, IReadOnlyList<StormBallot> ballots, int concurrency, DateTimeOffset cutOff)
        : this(() => api, ballots, concurrency, cutOff)
    {
    }

    private const int MaxAttempts = 200;

    /// <summary>How long one attempt waits for its answer; ballots are normally answered within milliseconds.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentQueue<StormEvent> _events = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next = -1;
    private int _acknowledged;
    private int _held;

    public IReadOnlyList<StormResult> Results { get; } = [.. ballots.Select(b => new StormResult(b))];

    /// <summary>Storm time: starts when <see cref="RunAsync"/> does.</summary>
    public Stopwatch Clock { get; } = new();

    public IReadOnlyCollection<StormEvent> Events => _events;

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>The last <paramref name="count"/> ballots wait for <see cref="Release"/>; call before <see cref="RunAsync"/>.</summary>
    public void HoldBack(int count)
    {
        if (Clock.IsRunning) throw new InvalidOperationException("hold ballots back before the storm starts");
        _held = Math.Clamp(count, 0, Results.Count);
    }

    /// <summary>Lets the held-back ballots go; they are still not sent after the cut-off.</summary>
    public void Release() => _released.TrySetResult();

    public async Task RunAsync()
    {
        Clock.Start();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        Clock.Stop();
    }

    /// <summary>Completes once at least <paramref name="count"/> ballots are acknowledged (or the storm is over).</summary>
    public async Task WhenAcknowledged(int count, Task storm)
    {
        while (Acknowledged < count && !storm.IsCompleted) await Task.Delay(10);
    }

    /// <summary>Ballots acknowledged per second between two storm times.</summary>
    public double Rate(TimeSpan from, TimeSpan to) =>
        to > from ? Results.Count(r => r.AcknowledgedAt >= from && r.AcknowledgedAt < to) / (to - from).TotalSeconds : 0;

    private async Task Worker()
    {
        for (var i = Interlocked.Increment(ref _next); i < Results.Count; i = Interlocked.Increment(ref _next))
        {
            if (perSecond is { } rate && TimeSpan.FromSeconds(i / rate) - Clock.Elapsed is { Ticks: > 0 } early) await Task.Delay(early);
            if (i >= Results.Count - _held) await WhenReleasedOrCutOff();
            if (DateTimeOffset.UtcNow >= cutOff) return;
            await Cast(Results[i]);
        }
    }

    private async Task WhenReleasedOrCutOff()
    {
        var left = cutOff - DateTimeOffset.UtcNow;
        if (left > TimeSpan.Zero) await Task.WhenAny(_released.Task, Task.Delay(left));
    }

    private async Task Cast(StormResult result)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            var sent = Clock.Elapsed;
            // Each attempt asks for the Gateway anew, as a client behind a Service reaches whichever replica is in rotation.
            var answer = await api().Vote(result.Ballot.Proposal, result.Ballot.Signed, AttemptTimeout);
            _events.Enqueue(new StormEvent(sent, Clock.Elapsed, answer.Status, answer.Code, answer.HasRetryAfter));
            result.Attempts++;
            result.Last = answer;
            if (answer.Status == 200 || (answer.Status == 409 && answer.Code == "replayed" && result.Attempts > 1))
            {
                result.Outcome = StormOutcome.Acknowledged;
                result.AcknowledgedAt = Clock.Elapsed;
                Interlocked.Increment(ref _acknowledged);
                return;
            }
            if (!answer.IsUnavailable)
            {
                // Voting closed while this ballot was being retried: an earlier attempt may still have been counted.
                result.Outcome = result.Attempts > 1 && answer.Code == "proposal-not-active" ? StormOutcome.Indeterminate : StormOutcome.Refused;
                return;
            }
            if (DateTimeOffset.UtcNow >= cutOff || result.Attempts >= MaxAttempts)
            {
                result.Outcome = StormOutcome.Indeterminate;
                return;
            }
            await Task.Delay(delay);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }
}
