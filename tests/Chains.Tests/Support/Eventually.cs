using System.Diagnostics;

namespace Blocktrack.Chains.Tests;

/// <summary>Waits for background work (the watchers' polls) to show, failing with what was last seen.</summary>
internal static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (watch.Elapsed > limit) throw new TimeoutException($"{what ?? "condition"} not met within {limit}; last value: {value}");
            await Task.Delay(25);
        }
    }
}
