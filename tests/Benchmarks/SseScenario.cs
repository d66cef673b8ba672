using System.Diagnostics;
using System.Text.Json;
using Blocktrack.Tests.Support;

namespace Blocktrack.Benchmarks;

/// <summary>
/// Live-tally watchers: <c>--sse-connections</c> server-sent-event connections on loopback to one proposal while signed
/// ballots arrive through the same Gateway. Staleness is, for the n-th acknowledged ballot, the time from its 200 to the
/// first tally event with at least n voters on a connection, over every connection; the Gateway's CPU is read from
/// /proc (user + system) over the voting.
/// </summary>
public static class SseScenario
{
    public static async Task<string> Run(BenchmarkOptions options)
    {
        var voters = TestKey.Many("sse", options.SseBallots);
        await using var world = await BenchmarkWorld.Start(options.Silos, gateway: true, new Dictionary<string, string>
        {
            ["Gateway:SignatureMaxAge"] = "01:00:00",
            // Every watcher comes from 127.0.0.1: the per-address read limit would refuse all but the first thousand.
            ["Gateway:Limits:Enabled"] = "false",
        });
        await world.FeedPower([.. voters.Select(v => v.Address)], i => 100 + i % 1000, options.Concurrency);
        await world.CreateDao("sse", TimeSpan.FromMinutes(30));
        var runs = new List<(double P50, double P99, double Cpu, double Rate)>();
        for (var run = 0; run < options.Runs; run++)
        {
            var proposal = (await world.Propose("sse", voters[0].Address)).Id;
            var now = BenchmarkWorld.Now;
            var ballots = voters.AsParallel().AsOrdered()
                .Select(v => TypedDataSigner.Sign(v, "Ballot", Messages.Ballot(v, proposal, 1, now))).ToArray();
            runs.Add(await Once(world, proposal, ballots, options));
            var (p50, p99, cpu, rate) = runs[^1];
            Console.WriteLine($"  sse run {run + 1}: {options.SseConnections:N0} watchers, {ballots.Length:N0} ballots at {rate:N0}/s: " +
                $"staleness p50 {p50:F0} ms, p99 {p99:F0} ms; Gateway CPU {cpu:F0} % of one core");
        }
        return $"{options.SseConnections:N0} watchers of one proposal, {options.SseBallots:N0} ballots: " +
            $"staleness p50 {new Repeated("ms", [.. runs.Select(r => r.P50)])}, p99 {new Repeated("ms", [.. runs.Select(r => r.P99)])}; " +
            $"Gateway CPU {new Repeated("% of a core", [.. runs.Select(r => r.Cpu)])}";
    }

    private static async Task<(double, double, double, double)> Once(
        BenchmarkWorld world, string proposal, SignedMessage[] ballots, BenchmarkOptions options)
    {
        using var stop = new CancellationTokenSource();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = world.GatewayUrl, Timeout = Timeout.InfiniteTimeSpan,
        };
        var watchers = new Watcher[options.SseConnections];
        var watch = Stopwatch.StartNew();
        // Opened a few hundred at a time, as a crowd arrives; each has had its first tally before voting starts.
        for (var i = 0; i < watchers.Length; i += 250)
            await Task.WhenAll(Enumerable.Range(i, Math.Min(250, watchers.Length - i)).Select(async k =>
                watchers[k] = await Watcher.Open(http, proposal, stop.Token)));
        Console.WriteLine($"  {watchers.Length:N0} watchers connected in {watch.Elapsed.TotalSeconds:F1} s");

        var acks = new long[ballots.Length];
        var acked = -1;
        using var api = new GatewayApi(world.GatewayUrl!, world.OperatorKey, options.HttpConcurrency);
        var cpuBefore = ProcessCpu.Seconds(world.GatewayProcess!.Id);
        var result = await Driver.Run("sse ballots", ballots.Length, options.HttpConcurrency, async k =>
        {
            var answer = await api.Vote(proposal, ballots[k]);
            if (answer.Status != 200) throw new InvalidOperationException($"{answer.Status} {answer.Code}");
            acks[Interlocked.Increment(ref acked)] = Stopwatch.GetTimestamp();
        });
        // Every watcher must reach the final count; the wait is part of the Gateway's work.
        var until = DateTime.UtcNow.AddSeconds(60);
        while (watchers.Any(w => w.Voters < acked + 1) && DateTime.UtcNow < until) await Task.Delay(50);
        var cpu = (ProcessCpu.Seconds(world.GatewayProcess!.Id) - cpuBefore) / result.Elapsed.TotalSeconds * 100;
        var behind = watchers.Count(w => w.Voters < acked + 1);
        if (behind > 0) Console.WriteLine($"  {behind:N0} watchers never saw the final tally of {acked + 1} voters");
        await stop.CancelAsync();

        // Staleness of every tenth acknowledged ballot on every watcher.
        var delays = new List<double>();
        for (var n = 0; n <= acked; n += 10)
            foreach (var w in watchers)
                if (w.FirstAt(n + 1) is { } seen) delays.Add(Math.Max(0, (seen - acks[n]) * 1000.0 / Stopwatch.Frequency));
        delays.Sort();
        double Percentile(double p) => delays.Count == 0 ? double.NaN : delays[(int)Math.Clamp(Math.Ceiling(p / 100 * delays.Count) - 1, 0, delays.Count - 1)];
        return (Percentile(50), Percentile(99), cpu, result.PerSecond);
    }

    /// <summary>One SSE connection: when each tally (by its voter count) first arrived.</summary>
    private sealed class Watcher
    {
        private readonly List<(int Voters, long At)> _tallies = [];

        public int Voters { get; private set; }

        public long? FirstAt(int voters)
        {
            lock (_tallies)
                foreach (var (v, at) in _tallies)
                    if (v >= voters) return at;
            return null;
        }

        public static async Task<Watcher> Open(HttpClient http, string proposal, CancellationToken stop)
        {
            var response = await http.GetAsync($"/proposals/{proposal}/events", HttpCompletionOption.ResponseHeadersRead, stop);
            response.EnsureSuccessStatusCode();
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
            var watcher = new Watcher();
            var first = new TaskCompletionSource();
            _ = Task.Run(async () =>
            {
                using (response)
                using (reader)
                {
                    var type = "";
                    try
                    {
                        while (await reader.ReadLineAsync(stop) is { } line)
                        {
                            if (line.StartsWith("event:", StringComparison.Ordinal)) type = line[6..].Trim();
                            else if (type == "tally" && line.StartsWith("data:", StringComparison.Ordinal))
                            {
                                var voters = JsonDocument.Parse(line[5..]).RootElement.GetProperty("voters").GetInt32();
                                lock (watcher._tallies) watcher._tallies.Add((voters, Stopwatch.GetTimestamp()));
                                watcher.Voters = voters;
                                first.TrySetResult();
                            }
                        }
                    }
                    catch (OperationCanceledException) { /* the run is over */ }
                    catch (IOException) { /* the Gateway went away */ }
                }
                first.TrySetResult();
            }, CancellationToken.None);
            await first.Task;
            return watcher;
        }
    }
}
