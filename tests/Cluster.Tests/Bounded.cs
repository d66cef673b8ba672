namespace Blocktrack.Cluster.Tests;

/// <summary>Runs work over items with at most <c>concurrency</c> at a time (setup traffic should not be a storm of its own).</summary>
public static class Bounded
{
    public static Task ForEach<T>(IReadOnlyList<T> items, int concurrency, Func<T, int, Task> work) =>
        Parallel.ForAsync(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, _) => await work(items[i], i));
}
