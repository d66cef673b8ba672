using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Analytics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Analytics;

/// <summary>
/// A DAO's analytics (key: the DAO's path), over its proposals and those of every DAO below it. A closed proposal arrives
/// as a small durable fact; its ballots are then read a page per turn from the sealed shards, each ballot recorded once
/// with the voter's delegate record, and the page's totals saved with the progress in one write, so a crash repeats at
/// most one page, whose records answer the same the second time (<see cref="IDelegateActivityGrain.Record"/>).
/// Reports, leaderboards and nudges are in DaoAnalyticsGrain.Reports.cs. Not reentrant.
/// </summary>
public sealed partial class DaoAnalyticsGrain(
    [PersistentState(GovernanceStorage.DaoAnalyticsState, GovernanceStorage.Name)] IPersistentState<DaoAnalyticsState> state,
    TimeProvider clock,
    AnalyticsMetrics metrics,
    ILogger<DaoAnalyticsGrain> log) : Grain, IDaoAnalyticsGrain, IRemindable
{
    public const int BallotsPerTurn = 500;
    private const int Concurrency = 64;
    private const string WorkReminder = "analytics";

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, int> _byProposal = new(StringComparer.Ordinal);
    private IGrainTimer? _timer;

    /// <summary>Proposals that came to a vote so far: the last vote number given.</summary>
    private long Voted { get; set; }

    private string Dao => this.GetPrimaryKeyString();
    private DaoAnalyticsState S => state.State;
    private DateTimeOffset Now => clock.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Names.RequireDaoPath(Dao);
        for (var i = 0; i < S.Closed.Count; i++)
        {
            _byProposal[S.Closed[i].Fact.Proposal] = i;
            Voted = Math.Max(Voted, S.Closed[i].Index);
        }
        Publish();
        Schedule();
        return Task.CompletedTask;
    }

    public async Task ProposalClosed(AnalyticsProposal fact)
    {
        var under = Names.TryParseProposalId(fact.Proposal, out var dao, out _)
            && (dao == Dao || dao.StartsWith(Dao + "/", StringComparison.Ordinal));
        Refuse.Unless(under, GovernanceError.InvalidArgument, $"'{fact.Proposal}' is not a proposal of '{Dao}' or of a DAO below it");
        if (_byProposal.ContainsKey(fact.Proposal)) return;
        // Only a proposal that came to a vote is numbered: a canceled one could not be voted on, so no delegate missed it.
        var number = fact.Outcome == ProposalOutcome.Canceled ? 0 : Voted + 1;
        var record = new AnalyticsProposalRecord
        {
            Fact = fact, Index = number, Period = Periods.MonthOf(fact.ClosedAt), Done = fact.Shards == 0,
        };
        S.Closed.Add(record);
        _byProposal[fact.Proposal] = S.Closed.Count - 1;
        if (number > 0) Voted = number;
        if (!record.Done) S.Jobs.Add(new AnalyticsJob { Position = S.Closed.Count });
        await state.WriteStateAsync();
        Publish();
        if (S.Jobs.Count > 0) await ScheduleDurably();
    }

    public Task<AnalyticsStatus> GetStatus() => Task.FromResult(new AnalyticsStatus
    {
        ProposalsClosed = S.Closed.Count, Pending = S.Jobs.Count, BallotsProcessed = S.BallotsProcessed,
    });

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Jobs.Count == 0 && await this.GetReminder(WorkReminder) is { } reminder) await this.UnregisterReminder(reminder);
        else Schedule();
    }

    private async Task Work(CancellationToken stopping)
    {
        try
        {
            if (S.Jobs.Count > 0) await ProcessPage(S.Jobs[0], stopping);
            Schedule();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Deactivating (a silo stopping): the page was not saved; the next activation reads it again.
        }
        catch (Exception e)
        {
            log.AnalyticsRetry(e, Dao, S.Jobs.Count > 0 ? S.Closed[S.Jobs[0].Position - 1].Fact.Proposal : "");
            Schedule(RetryAfterFailure);
        }
    }

    /// <summary>One page of one shard: every ballot recorded with its voter, the page's figures added, progress saved with them.</summary>
    private async Task ProcessPage(AnalyticsJob job, CancellationToken stopping)
    {
        var record = S.Closed[job.Position - 1];
        var fact = record.Fact;
        if (job.Shard < fact.Shards)
        {
            var shard = GrainFactory.GetGrain<IBallotShardGrain>(BallotShards.Key(fact.Proposal, job.Shard));
            var page = await shard.GetBallotPage(job.After, BallotsPerTurn);
            var voted = new VotedProposal
            {
                Index = record.Index, Proposal = fact.Proposal, Shards = fact.Shards, ClosedAt = fact.ClosedAt,
            };
            var recorded = await ForEach(page, stopping,
                b => Activity(b.Voter).RecordBallot(voted, record.Period, withReason: !string.IsNullOrWhiteSpace(b.Reason)));
            S.UniqueVoters[record.Period] = S.UniqueVoters.GetValueOrDefault(record.Period) + recorded.Count(r => r.FirstInPeriod);
            S.UniqueVoters[Periods.All] = S.UniqueVoters.GetValueOrDefault(Periods.All) + recorded.Count(r => r.FirstEver);
            record.Ballots += page.Length;
            record.PowerCast += page.Aggregate(BigInteger.Zero, (sum, b) => sum + b.RawPower);
            S.BallotsProcessed += page.Length;
            if (page.Length < BallotsPerTurn) (job.Shard, job.After) = (job.Shard + 1, null);
            else job.After = page[^1].Voter;
            await state.WriteStateAsync();
            return;
        }
        record.Done = true;
        S.Jobs.RemoveAt(0);
        await state.WriteStateAsync();
        log.AnalyticsProposalRead(Dao, fact.Proposal, record.Ballots, Ratio.Ppm(record.PowerCast, fact.Votable));
        Publish();
    }

    private IDelegateActivityGrain Activity(string address) =>
        GrainFactory.GetGrain<IDelegateActivityGrain>(Names.ParticipantKey(Dao, address));

    /// <summary>The calls, 64 at a time; none is started once the activation is stopping, so a stopping silo is not held up.</summary>
    private static async Task<TResult[]> ForEach<T, TResult>(IReadOnlyList<T> items, CancellationToken stopping,
        Func<T, Task<TResult>> action)
    {
        using var gate = new SemaphoreSlim(Concurrency);
        return await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync(stopping);
            try { return await action(item); }
            finally { gate.Release(); }
        }));
    }

    private void Schedule(TimeSpan? after = null)
    {
        _timer?.Dispose();
        _timer = null;
        if (after is null && S.Jobs.Count == 0) return;
        _timer = this.RegisterGrainTimer(static (g, stopping) => g.Work(stopping), this,
            new GrainTimerCreationOptions { DueTime = after ?? TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
    }

    /// <summary>The timer runs the work while the activation lives; a reminder restarts it after a restart.</summary>
    private async Task ScheduleDurably()
    {
        Schedule();
        await this.RegisterOrUpdateReminder(WorkReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }
}
