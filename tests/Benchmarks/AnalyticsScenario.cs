using System.Collections.Immutable;
using System.Diagnostics;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Benchmarks;

/// <summary>
/// A DAO with <c>--participants</c> voters (default 100,000) and 1,000 closed proposals, in-process on the memory profile
/// with a fake clock. Every voter gets power through the chain watchers' path, which also feeds the token's power
/// distribution (one update each); 999 closed proposals go straight to the DAO's analytics as the proposals' reports (the
/// fast path), and the 1,000th is a real vote with <c>--ledger-ballots</c> ballots (default 5,000) read by the analytics
/// grain. Timed: one power-distribution update and one closed-proposal update (sequential calls, mean), the ballots read per
/// second, and each report request (mean of sequential calls). Prints figures and asserts the counts.
/// </summary>
public static class AnalyticsScenario
{
    private const string Dao = "insight";
    private const int Synthetic = 999;
    private const int Samples = 200;

    public static async Task<string> Run(BenchmarkOptions options)
    {
        var voters = BenchmarkWorld.Voters(options.Participants);
        var ballots = Math.Min(voters.Length, options.LedgerBallots);
        await using var world = await EpochWorld.Start();
        using var memory = new ProcessMemory();
        await CreateDao(world);
        var watch = Stopwatch.StartNew();
        await world.FeedPower(voters, options.Concurrency);
        var distribution = world.Grains.GetGrain<IPowerDistributionGrain>(EpochWorld.Token);
        await Until(async () => (await distribution.GetConcentration(null)).Holders == voters.Length, "the power distribution");
        Console.WriteLine($"  power fed: {voters.Length:N0} voters in {watch.Elapsed.TotalSeconds:F1} s; {memory.Now()}");

        var analytics = world.Grains.GetGrain<IDaoAnalyticsGrain>(Dao);
        var closedAt = world.Now - 400L * 86_400; // spread over the last ~13 months, a proposal every ~9 hours
        for (var i = 0; i < Synthetic - Samples; i++) await analytics.ProposalClosed(Fact(i, closedAt, voters.Length));
        var proposalUpdate = await Mean(Samples, i => analytics.ProposalClosed(Fact(Synthetic - Samples + i, closedAt, voters.Length)));
        var powerUpdate = await Mean(Samples, i => distribution.Report(voters[i], 1_000 + i, new BigInteger(2 + i)));
        Console.WriteLine(
            $"  one update: closed proposal {proposalUpdate:F2} ms, power distribution {powerUpdate:F2} ms (mean of {Samples})");

        var proposal = await world.ProposeAndOpen(Dao, voters[0]);
        var ingest = await Driver.Run("ballots", ballots, options.Concurrency, i => world.Cast(proposal, voters[i], i));
        Console.WriteLine($"  ballots: {ingest}");
        world.Clock.Advance(proposal.Deadline - world.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        watch.Restart();
        await Until(async () => await analytics.GetStatus() is { ProposalsClosed: Synthetic + 1, Pending: 0 }, "the analytics read");
        var read = watch.Elapsed;
        var perBallot = read.TotalMilliseconds / ballots;
        Console.WriteLine($"  ballots read: {ballots:N0} in {read.TotalSeconds:F2} s = {ballots / read.TotalSeconds:N0}/s, " +
                          $"{perBallot:F3} ms per ballot (close → sealed → read)");

        var report = await analytics.GetReport(Periods.All);
        if (report.Proposals != Synthetic + 1 || report.UniqueVoters != ballots)
            throw new InvalidOperationException($"report: {report.Proposals} proposals, {report.UniqueVoters} voters");
        var month = Periods.MonthOf(closedAt + 200L * 86_400);
        var requests = new (string Name, Func<Task> Call)[]
        {
            ("report all", () => analytics.GetReport(Periods.All)),
            ($"report {month}", () => analytics.GetReport(month)),
            ("concentration now", () => distribution.GetConcentration(null)),
            ("concentration at", () => distribution.GetConcentration(world.Now - 10)),
            ("delegates top 50", () => analytics.GetDelegates(EpochWorld.Token, 50, 10)),
            ("nudges", () => analytics.GetNudges(new NudgeQuery { Token = EpochWorld.Token })),
        };
        var timings = new List<string>();
        foreach (var (name, call) in requests) timings.Add($"{name} {await Mean(50, _ => call()):F2} ms");
        Console.WriteLine($"  one request: {string.Join(", ", timings)}; {memory.Now()}");
        return $"{voters.Length:N0} voters, {report.Proposals:N0} proposals: one update — closed proposal {proposalUpdate:F2} ms, " +
               $"power change {powerUpdate:F2} ms, ballot read {perBallot:F3} ms; one request — {string.Join(", ", timings)}; " +
               $"process {memory}";
    }

    private static AnalyticsProposal Fact(int i, long from, int votable)
    {
        var outcome = (i % 10) switch { < 6 => ProposalOutcome.Passed, < 8 => ProposalOutcome.NoQuorum, 8 => ProposalOutcome.Rejected,
            _ => ProposalOutcome.Canceled };
        var closed = from + i * 34_000L;
        return new AnalyticsProposal
        {
            Proposal = Names.ProposalId(Dao, 100_000 + i), Outcome = outcome, OpenedAt = closed - 86_400, ClosedAt = closed,
            QuorumReachedAt = outcome == ProposalOutcome.Passed ? closed - 86_400 + i % 7_000 : null, Votable = votable, Shards = 0,
        };
    }

    private static Task CreateDao(EpochWorld world) => world.Grains.GetGrain<IDaoGrain>(Dao).CreateRoot(new CreateDaoRequest
    {
        DisplayName = "Benchmark analytics",
        Treasury = ImmutableDictionary<string, BigInteger>.Empty,
        Constitution = new Constitution
        {
            Classes =
            [
                new ProposalClass
                {
                    Name = EpochWorld.ClassName, QuorumBps = 100, VotingDelay = TimeSpan.FromMinutes(1),
                    VotingPeriod = TimeSpan.FromDays(1), TimelockDelay = TimeSpan.Zero, GracePeriod = TimeSpan.FromDays(1),
                    PowerSource = PowerSource.TokenVotes(EpochWorld.Token),
                    AllowedActions = ActionKinds.All,
                },
            ],
        },
    });

    /// <summary>Mean milliseconds of <paramref name="count"/> calls one after another (a latency, not a throughput).</summary>
    private static async Task<double> Mean(int count, Func<int, Task> call)
    {
        await call(0); // warm: activation and first-call costs are not the steady figure
        var watch = Stopwatch.StartNew();
        for (var i = 1; i <= count; i++) await call(i % count);
        return watch.Elapsed.TotalMilliseconds / count;
    }

    private static async Task Until(Func<Task<bool>> done, string what)
    {
        var until = DateTimeOffset.UtcNow.AddMinutes(10);
        while (!await done())
        {
            if (DateTimeOffset.UtcNow > until) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
