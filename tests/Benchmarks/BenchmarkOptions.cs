using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Benchmarks;

/// <summary>Command-line knobs: <c>--ballots</c>, <c>--voters</c>, <c>--proposals</c>, <c>--silos</c>, <c>--concurrency</c>, <c>--http-ballots</c>, <c>--http-concurrency</c>, <c>--counting</c>,
/// <c>--participants</c>, <c>--ledger-ballots</c>, <c>--feed-voters</c>, <c>--feed-paths</c>, <c>--runs</c>, <c>--sse-connections</c>, <c>--sse-ballots</c>, <c>--anchor-voters</c>.</summary>
public sealed record BenchmarkOptions
{
    public string Scenario { get; init; } = "all";

    /// <summary>Ballots of the one-proposal scenario (default one million).</summary>
    public int Ballots { get; init; } = 1_000_000;

    /// <summary>Voters of the throughput scenarios; each votes on every proposal.</summary>
    public int Voters { get; init; } = 20_000;

    public int Proposals { get; init; } = 5;

    public int Silos { get; init; } = 1;

    /// <summary>Calls in flight (the client scenarios); the HTTP scenario uses <see cref="HttpConcurrency"/>.</summary>
    public int Concurrency { get; init; } = 512;

    public int HttpConcurrency { get; init; } = 64;

    /// <summary>Signed ballots of the HTTP scenario (pre-signed before timing; signing is the slow part of setting it up).</summary>
    public int HttpBallots { get; init; } = 20_000;

    /// <summary>How the one-proposal scenario counts (<c>--counting rankedChoice</c>: 8 choices, every ballot a ranking).</summary>
    public CountingType Counting { get; init; } = CountingType.Basic;

    /// <summary>Addresses with points in the epoch scenario's one epoch.</summary>
    public int Participants { get; init; } = 100_000;

    /// <summary>Ballots of the epoch scenario's proposal, turned into points by the participation ledger.</summary>
    public int LedgerBallots { get; init; } = 5_000;

    /// <summary>Voters of the feed scenario (each path on its own fresh cluster).</summary>
    public int FeedVoters { get; init; } = 20_000;

    /// <summary>Which paths the feed scenario runs: <c>supply</c>, <c>operator</c>, <c>chain</c> (comma-separated; all by default).</summary>
    public string FeedPaths { get; init; } = "supply,operator,chain";

    /// <summary>
    /// The gateway scenario with the silo pinned to CPU 0 and everything else (Gateway, PostgreSQL, the benchmark) to CPU 1
    /// (<c>taskset</c>), to check the capacity model: what one silo core carries, and what one core for the rest does.
    /// </summary>
    public bool PinSilo { get; init; }

    /// <summary>Signed ballots per request of the gateway scenario's timed runs: 1 posts each alone, more use <c>/ballot-batches</c>.</summary>
    public int HttpBatch { get; init; } = 1;

    /// <summary>Runs per figure of the gateway, feed, sse and embedded scenarios: each figure is printed as the median with min–max.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Concurrent live-tally (SSE) connections of the sse scenario, all to one proposal.</summary>
    public int SseConnections { get; init; } = 10_000;

    /// <summary>Signed ballots cast on that proposal while they watch.</summary>
    public int SseBallots { get; init; } = 2_000;

    /// <summary>Voters of the anchor scenario, on hardhat's castVoteBySig and through the Gateway alike.</summary>
    public int AnchorVoters { get; init; } = 2_000;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--ballots" => options with { Ballots = int.Parse(Value()) },
                "--voters" => options with { Voters = int.Parse(Value()) },
                "--proposals" => options with { Proposals = int.Parse(Value()) },
                "--silos" => options with { Silos = int.Parse(Value()) },
                "--concurrency" => options with { Concurrency = int.Parse(Value()) },
                "--http-concurrency" => options with { HttpConcurrency = int.Parse(Value()) },
                "--http-ballots" => options with { HttpBallots = int.Parse(Value()) },
                "--feed-voters" => options with { FeedVoters = int.Parse(Value()) },
                "--feed-paths" => options with { FeedPaths = Value() },
                "--sse-connections" => options with { SseConnections = int.Parse(Value()) },
                "--sse-ballots" => options with { SseBallots = int.Parse(Value()) },
                "--anchor-voters" => options with { AnchorVoters = int.Parse(Value()) },
                "--pin-silo" => options with { PinSilo = true },
                "--http-batch" => options with { HttpBatch = Math.Clamp(int.Parse(Value()), 1, 100) },
                "--runs" => options with { Runs = int.Parse(Value()) },
                "--participants" => options with { Participants = int.Parse(Value()) },
                "--ledger-ballots" => options with { LedgerBallots = int.Parse(Value()) },
                "--counting" => options with { Counting = Enum.Parse<CountingType>(Value(), ignoreCase: true) },
                var s when !s.StartsWith("--", StringComparison.Ordinal) => options with { Scenario = s },
                var s => throw new ArgumentException($"Unknown option {s}"),
            };
        }
        return options;
    }
}
