using System.Collections.Immutable;
using System.Diagnostics;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Benchmarks;

/// <summary>
/// One reward epoch with <c>--participants</c> addresses (default 100,000), in-process on the memory profile with a fake
/// clock. A fundRewards proposal gets <c>--ledger-ballots</c> ballots (default 5,000), which the participation ledger
/// turns into points once voting closes (timed: ballots → points per second); every participant is then granted a point
/// through IRewardEpochGrain.Grant in batches of 500, as the ledger sends them (timed: grants per second); then the
/// epoch's time comes and its close (budget drawn, largest-remainder allocation) and payment (a ledger credit to every
/// participant) are timed until it is Paid. The ledger path is not run at 100,000 ballots: it is quadratic today (see
/// docs/BENCHMARKS.md).
/// </summary>
public static class EpochScenario
{
    private const string Dao = "economy";
    private const int GrantBatch = 500;
    private static readonly BigInteger Unit = BigInteger.Pow(10, 18);

    public static async Task<EpochResult> Run(BenchmarkOptions options)
    {
        var n = options.Participants;
        var voters = BenchmarkWorld.Voters(n);
        var ballots = Math.Min(n, options.LedgerBallots);
        await using var world = await EpochWorld.Start();
        using var memory = new ProcessMemory();
        await world.CreateDao(Dao, 10_000_000 * Unit);
        await world.FeedPower(voters[..ballots], options.Concurrency);

        var proposal = await world.ProposeAndOpen(Dao, voters[0], new FundRewards(EpochWorld.Token, 1_000_000 * Unit, 4));
        var ingest = await Driver.Run("ballots", ballots, options.Concurrency, i => world.Cast(proposal, voters[i], i));
        Console.WriteLine($"  ballots: {ingest}");

        // Voting closes; the proposal seals its shards and reports to the ledger, which grants points page by page.
        var ledger = world.Grains.GetGrain<IParticipationGrain>(Dao);
        var epoch = world.Epoch;
        world.Clock.Advance(proposal.Deadline - world.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();
        ParticipationStatus status;
        while ((status = await ledger.GetStatus()) is not { ProposalsClosed: 1, PendingProposals: 0 }) await Task.Delay(10);
        var points = watch.Elapsed;
        Console.WriteLine($"  ledger: {status.BallotsProcessed:N0} ballots → points in {points.TotalSeconds:F1} s " +
                          $"({status.BallotsProcessed / points.TotalSeconds:N0} ballots/s)");
        await world.Until(proposal.Id, p => p.State == ProposalState.Executed, "the fundRewards execution");

        var epochGrain = world.Grains.GetGrain<IRewardEpochGrain>(Names.EpochKey(Dao, epoch));
        var grants = await DirectGrants(epochGrain, voters);
        Console.WriteLine($"  direct grants: {grants}");
        var open = await epochGrain.GetInfo(0, 1);
        Console.WriteLine($"  epoch {epoch}: {open.Participants:N0} participants, {open.TotalPoints:N0} points; {memory.Now()}");

        // The epoch's time comes: its timer closes and pays it.
        world.Clock.Advance(open.End.AddHours(1).AddSeconds(1) - world.Clock.GetUtcNow());
        watch.Restart();
        RewardEpochInfo info;
        TimeSpan? closed = null;
        while ((info = await epochGrain.GetInfo(0, 3)).State != RewardEpochState.Paid)
        {
            if (closed is null && info.State == RewardEpochState.Closed) closed = watch.Elapsed;
            await Task.Delay(20);
        }
        var total = watch.Elapsed;
        closed ??= total;
        Console.WriteLine($"  epoch paid: closed after {closed.Value.TotalSeconds:F2} s, paid after {total.TotalSeconds:F2} s; {memory.Now()}");
        await Check(world, info, n);
        return new EpochResult(n, status.BallotsProcessed, points, grants, closed.Value, total, memory.ToString());
    }
    /// <summary>Paid once, in full: every participant's share credited, paid plus returned equal to the draw.</summary>
    private static async Task Check(EpochWorld world, RewardEpochInfo info, int n)
    {
        var settled = info.Settlements.Single();
        if (info.AllocationTotal != n || settled.Paid + settled.Returned != settled.Drawn || settled.Drawn != 1_000_000 * Unit)
            throw new InvalidOperationException($"epoch {info.Epoch}: {info.AllocationTotal} shares, settlement {settled}");
        foreach (var share in info.Allocation)
        {
            var participant = await world.Grains.GetGrain<IParticipantGrain>(Names.ParticipantKey(Dao, share.Address)).GetInfo();
            if (participant.Rewards.Length != 1 || participant.Rewards[0].Amount != share.Amounts[0])
                throw new InvalidOperationException($"{share.Address} was credited {participant.Rewards.Length} times");
        }
        Console.WriteLine($"  settlement: drawn {settled.Drawn / Unit:N0} BTK, paid {settled.Paid / Unit:N0}, returned {settled.Returned / Unit:N0}"
            + $" (in units: {settled.Paid} + {settled.Returned} = {settled.Drawn})");
    }

    /// <summary>IRewardEpochGrain.Grant alone: every address a point, in batches of 500 as the ledger sends them, one at a time.</summary>
    private static async Task<string> DirectGrants(IRewardEpochGrain grain, ImmutableArray<string> voters)
    {
        var watch = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        for (var from = 0; from < voters.Length; from += GrantBatch)
        {
            var batch = voters.Skip(from).Take(GrantBatch)
                .Select(v => new PointsClaim { Address = v, Cause = "bench:direct", Points = 1 }).ToImmutableArray();
            var started = watch.Elapsed;
            await grain.Grant(batch);
            last = watch.Elapsed - started;
        }
        var elapsed = watch.Elapsed;
        return $"{voters.Length:N0} grants in {elapsed.TotalSeconds:F1} s = {voters.Length / elapsed.TotalSeconds:N0} grants/s " +
               $"(batches of {GrantBatch}; the last batch {last.TotalMilliseconds:F0} ms)";
    }
}
