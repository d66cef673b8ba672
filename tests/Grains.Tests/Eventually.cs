using System.Diagnostics;

namespace Blocktrack.Grains.Tests;

/// <summary>Waits for work a reminder started in the background to show, failing with what was last seen.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (watch.Elapsed > limit) throw new TimeoutException($"condition not met within {limit}; last value: {value}");
            await Task.Delay(20);
        }
    }
}
