using System.Diagnostics;

namespace Blocktrack.Tests.Support;

/// <summary>
/// Polls until background work (reminders, watchers' polls, a Gateway's grains) shows, instead of sleeping for a guessed
/// time; fails with what was last seen, so a timeout says how far the work got.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a loaded CI machine; a passing wait returns as soon as its condition holds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (watch.Elapsed > limit) throw new TimeoutException($"{what ?? "condition"} not met within {limit}; last value: {value}");
            await Task.Delay(20);
        }
    }
}
