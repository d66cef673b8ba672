using System.Collections.Immutable;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Participation;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Participation;

/// <summary>
/// A DAO's participation ledger (key: the DAO's path). Facts arrive durable and small (a proposal closed, a moderation
/// recorded); the work they cause runs afterwards, a page of ballots per turn, with its progress saved after each page:
/// points granted in the epoch (once per cause, capped), reputation awarded in the DAO's domain (once per cause), and the
/// participants' records (once per cause). A crash repeats at most one page, which changes nothing the second time.
/// Upheld moderations are in ParticipationGrain.Moderation. Not reentrant.
/// </summary>
public sealed partial class ParticipationGrain(
    [PersistentState(GovernanceStorage.ParticipationState, GovernanceStorage.Name)] IPersistentState<ParticipationGrainState> state,
    TimeProvider clock,
    ILogger<ParticipationGrain> log) : Grain, IParticipationGrain, IRemindable
{
    public const int BallotsPerTurn = 500;
    private const int Concurrency = 64;
    private const string WorkReminder = "work";

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private IGrainTimer? _timer;
    private (string Proposal, Dictionary<UInt128, int> Counts)? _reasons;

    private string Dao => this.GetPrimaryKeyString();
    private ParticipationGrainState S => state.State;
    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Names.RequireDaoPath(Dao);
        Schedule();
        return Task.CompletedTask;
    }

    public async Task ProposalClosed(ClosedProposal fact)
    {
        Refuse.Unless(Names.TryParseProposalId(fact.Proposal, out var dao, out _) && dao == Dao, GovernanceError.InvalidArgument,
            $"'{fact.Proposal}' is not a proposal of '{Dao}'");
        if (S.Closed.ContainsKey(fact.Proposal)) return;
        if (await Rules() is not { } rules) return; // no programme: nothing to earn
        var index = S.Closed.Count + 1;
        S.Closed[fact.Proposal] = index;
        S.Jobs.Add(new ParticipationJob { Fact = fact, Index = index, Epoch = Epochs.Of(fact.ClosedAt, rules.EpochSeconds) });
        await state.WriteStateAsync();
        await ScheduleDurably();
    }

    public Task<ParticipationStatus> GetStatus() => Task.FromResult(new ParticipationStatus
    {
        ProposalsClosed = S.Closed.Count,
        PendingProposals = S.Jobs.Count,
        PendingModerations = S.Watches.Count,
        BallotsProcessed = S.BallotsProcessed,
    });

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Jobs.Count == 0 && S.Watches.Count == 0 && await this.GetReminder(WorkReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
        else Schedule();
    }

    private async Task<ParticipationRules?> Rules() =>
        (await GrainFactory.GetGrain<IDaoGrain>(Dao).GetInfo()).Constitution.Participation;

    /// <summary>One turn of work: a page of the oldest job, or the moderations whose window has ended; then the next turn.</summary>
    private async Task Work()
    {
        try
        {
            if (S.Jobs.Count > 0) await ProcessPage(S.Jobs[0]);
            else await UpholdDue();
            Schedule();
        }
        catch (Exception e)
        {
            log.ParticipationRetry(e, Dao, S.Jobs.Count > 0 ? S.Jobs[0].Fact.Proposal : "moderations");
            Schedule(RetryAfterFailure);
        }
    }

    private async Task ProcessPage(ParticipationJob job)
    {
        var rules = await Rules();
        if (rules is null)
        {
            // The programme was repealed while the job waited: nothing is earned any more.
            S.Jobs.RemoveAt(0);
            await state.WriteStateAsync();
            return;
        }
        var fact = job.Fact;
        if (job.Shard < fact.Shards)
        {
            var shard = GrainFactory.GetGrain<IBallotShardGrain>(BallotShards.Key(fact.Proposal, job.Shard));
            var page = await shard.GetBallotPage(job.After, BallotsPerTurn);
            var counts = rules.ReasonPoints > 0 ? await ReasonCounts(fact) : [];
            var hidden = (await GrainFactory.GetGrain<IDaoGrain>(Dao).HiddenReasons(fact.Proposal)).ToHashSet(StringComparer.Ordinal);
            var claims = page.SelectMany(b => PointsRules.ForBallot(rules, fact, b, counts, hidden)).ToImmutableArray();
            var grants = await GrantInEpoch(job, claims);
            var byVoter = grants.GroupBy(g => g.Address).ToDictionary(g => g.Key, g => g.Sum(x => x.Points), StringComparer.Ordinal);
            // A ballot below the minimum power counts for nothing: no points, no badges, no participation.
            await ForEach(page.Where(b => b.RawPower >= rules.MinVotingPower), b => Participant(b.Voter).Record(new ParticipantFact
            {
                Kind = ParticipantFactKind.Voted, Cause = PointsRules.VoteCause(fact.Proposal), At = fact.ClosedAt, Epoch = job.Epoch,
                Points = byVoter.GetValueOrDefault(b.Voter), ClosedIndex = job.Index,
            }));
            await AwardReputation(grants, fact.ClosedAt);
            S.BallotsProcessed += page.Length;
            if (page.Length < BallotsPerTurn) (job.Shard, job.After) = (job.Shard + 1, null);
            else job.After = page[^1].Voter;
            await state.WriteStateAsync();
            return;
        }
        if (fact.Passed) await Earn(job, fact.Proposer, PointsRules.PassedCause(fact.Proposal), rules.ProposalPassedPoints,
            ParticipantFactKind.ProposalPassed, fact.ClosedAt);
        S.Jobs.RemoveAt(0);
        _reasons = null;
        await state.WriteStateAsync();
    }

    /// <summary>Grants one claim and records it with the participant and in reputation.</summary>
    private async Task Earn(ParticipationJob job, string address, string cause, long points, ParticipantFactKind kind, long at)
    {
        var grants = await GrantInEpoch(job, [new PointsClaim { Address = address, Cause = cause, Points = points }]);
        await Participant(address).Record(new ParticipantFact
        {
            Kind = kind, Cause = cause, At = at, Epoch = job.Epoch, Points = grants[0].Points, ClosedIndex = job.Index,
        });
        await AwardReputation(grants, at);
    }

    /// <summary>Grants in the job's epoch, or the next open one if it has closed meanwhile (the job remembers which).</summary>
    private async Task<ImmutableArray<PointsGrant>> GrantInEpoch(ParticipationJob job, ImmutableArray<PointsClaim> claims)
    {
        if (claims.IsEmpty) return [];
        for (var tries = 0; ; tries++)
        {
            try
            {
                return await GrainFactory.GetGrain<IRewardEpochGrain>(Names.EpochKey(Dao, job.Epoch)).Grant(claims);
            }
            catch (GovernanceException e) when (e.Error == GovernanceError.EpochClosed && tries < 1000)
            {
                job.Epoch++;
                await state.WriteStateAsync();
            }
        }
    }

    /// <summary>
    /// Reputation at the fact's own time, so readings at a proposal's close see its awards whenever the ledger got to them;
    /// an address's awards only move forward in time, so one behind its last (a moderation upheld before a proposal closed,
    /// processed after it) is dated now instead.
    /// </summary>
    private Task AwardReputation(IEnumerable<PointsGrant> grants, long at) =>
        ForEach(grants.Where(g => g.Points > 0), async g =>
        {
            var ledger = GrainFactory.GetGrain<IReputationGrain>(g.Address);
            try
            {
                await ledger.Award(Dao, g.Cause, g.Points, at);
            }
            catch (GovernanceException e) when (e.Error == GovernanceError.StaleTimepoint)
            {
                await ledger.Award(Dao, g.Cause, g.Points, null);
            }
        });

    /// <summary>How often each reason occurs in the proposal, read once per proposal per activation (the duplicate rule).</summary>
    private async Task<Dictionary<UInt128, int>> ReasonCounts(ClosedProposal fact)
    {
        if (_reasons is { } cached && cached.Proposal == fact.Proposal) return cached.Counts;
        var counts = new Dictionary<UInt128, int>();
        for (var s = 0; s < fact.Shards; s++)
        {
            var shard = GrainFactory.GetGrain<IBallotShardGrain>(BallotShards.Key(fact.Proposal, s));
            for (string? after = null; ;)
            {
                var page = await shard.GetBallotPage(after, 5_000);
                foreach (var b in page) PointsRules.CountReason(counts, b.Reason);
                if (page.Length < 5_000) break;
                after = page[^1].Voter;
            }
        }
        _reasons = (fact.Proposal, counts);
        return counts;
    }

    private static async Task ForEach<T>(IEnumerable<T> items, Func<T, Task> action)
    {
        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try { await action(item); }
            finally { gate.Release(); }
        }));
    }

    private IParticipantGrain Participant(string address) => GrainFactory.GetGrain<IParticipantGrain>(Names.ParticipantKey(Dao, address));

    private void Schedule(TimeSpan? after = null)
    {
        _timer?.Dispose();
        _timer = null;
        TimeSpan due;
        if (after is { } retry) due = retry;
        else if (S.Jobs.Count > 0) due = TimeSpan.Zero;
        else if (S.Watches.Count > 0) due = TimeSpan.FromSeconds(Math.Max(0, S.Watches.Min(w => w.DueAt) - Now));
        else return;
        _timer = this.RegisterGrainTimer(static (g, _) => g.Work(), this,
            new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan });
    }

    /// <summary>The timer runs the work while the activation lives; a reminder restarts it after a restart.</summary>
    private async Task ScheduleDurably()
    {
        Schedule();
        await this.RegisterOrUpdateReminder(WorkReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }
}
