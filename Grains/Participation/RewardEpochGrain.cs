using System.Collections.Immutable;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Participation;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Participation;

/// <summary>
/// One reward epoch of a DAO (key <c>{dao}/epochs/{n}</c>): grants points once per cause within the cap, and once its time
/// has come closes (draws the budgets, records the allocation) and pays (ParticipantGrain credits, on-chain batches,
/// the remainder back to the treasury). Every step is saved before the next, and each is idempotent, so a silo restart
/// anywhere resumes the payment and pays nothing twice. Not reentrant; readings interleave.
/// </summary>
public sealed partial class RewardEpochGrain(
    [PersistentState(GovernanceStorage.RewardEpochState, GovernanceStorage.Name)] IPersistentState<RewardEpochGrainState> state,
    IChainExecutor chains,
    TimeProvider clock,
    ILogger<RewardEpochGrain> log) : Grain, IRewardEpochGrain, IRemindable
{
    private const string SettleReminder = "settle";
    private string _dao = "";
    private long _epoch;
    private IGrainTimer? _timer;

    private RewardEpochGrainState S => state.State;
    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();
    private IDaoGrain Dao => GrainFactory.GetGrain<IDaoGrain>(_dao);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        Refuse.Unless(Names.TryParseEpochKey(key, out _dao, out _epoch), GovernanceError.InvalidArgument,
            $"'{key}' is not a reward epoch key ({{dao}}/epochs/{{n}})");
        if (S.Rules is not null && S.Phase != RewardEpochState.Paid) ScheduleSettle();
        return Task.CompletedTask;
    }

    public async Task<ImmutableArray<PointsGrant>> Grant(ImmutableArray<PointsClaim> claims)
    {
        var rules = S.Rules ?? await RulesOfDao();
        Refuse.Unless(S.Phase == RewardEpochState.Open, GovernanceError.EpochClosed, $"reward epoch {_epoch} of '{_dao}' has closed");
        var first = S.Rules is null;
        S.Rules = rules;
        var grants = ImmutableArray.CreateBuilder<PointsGrant>(claims.Length);
        foreach (var claim in claims)
        {
            Addresses.Require(claim.Address, "address");
            Refuse.Unless(!string.IsNullOrEmpty(claim.Cause) && claim.Points >= 0, GovernanceError.InvalidArgument,
                "a claim needs a cause and points of 0 or more");
            var key = $"{claim.Cause}|{claim.Address}";
            if (S.Grants.TryGetValue(key, out var earlier))
            {
                grants.Add(new PointsGrant { Address = claim.Address, Cause = claim.Cause, Points = earlier, Epoch = _epoch });
                continue;
            }
            var had = S.Points.GetValueOrDefault(claim.Address);
            var granted = PointsRules.Capped(claim.Points, had, rules.CapPerEpoch);
            S.Grants[key] = granted;
            if (granted > 0 || !S.Points.ContainsKey(claim.Address)) S.Points[claim.Address] = had + granted;
            grants.Add(new PointsGrant { Address = claim.Address, Cause = claim.Cause, Points = granted, Epoch = _epoch, Applied = true });
        }
        await state.WriteStateAsync();
        if (first) await ScheduleSettleDurably();
        return grants.MoveToImmutable();
    }

    public Task<RewardEpochInfo> GetInfo(int offset, int limit)
    {
        Paging.RequireProposalPage(offset, limit);
        // An epoch exists once something was granted in it; before, nothing is known of it (not even its length).
        Refuse.Unless(S.Rules is not null, GovernanceError.EpochNotFound,
            $"'{_dao}' has no reward epoch {_epoch} (nothing was earned in it)");
        var length = S.Rules!.EpochSeconds;
        return Task.FromResult(new RewardEpochInfo
        {
            Dao = _dao,
            Epoch = _epoch,
            Start = DateTimeOffset.FromUnixTimeSeconds(Epochs.Start(_epoch, length)),
            End = DateTimeOffset.FromUnixTimeSeconds(Epochs.End(_epoch, length)),
            State = S.Phase,
            Participants = S.Points.Count,
            TotalPoints = S.Points.Values.Sum(),
            Budget = S.Budget,
            Allocation = [.. S.Allocation.Skip(offset).Take(limit)],
            AllocationTotal = S.Allocation.Count,
            Settlements = Settlements(),
            Transactions = [.. S.Batches.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => b.Value)],
            ClosedAt = S.ClosedAt,
            PaidAt = S.PaidAt,
            PaymentError = S.PaymentError,
        });
    }

    public async Task<RewardEpochInfo> Settle()
    {
        await SettleIfDue();
        return await GetInfo(0, 200);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await SettleIfDue();

    private async Task<ParticipationRules> RulesOfDao() =>
        (await Dao.GetInfo()).Constitution.Participation
        ?? throw Refuse.With(GovernanceError.InvalidState, $"'{_dao}' has no participation programme");

    private bool Due => S.Rules is { } rules && Now >= Epochs.ClosesAt(_epoch, rules);

    private async Task SettleIfDue()
    {
        if (S.Rules is null || S.Phase == RewardEpochState.Paid || !Due) return;
        try
        {
            if (S.Phase == RewardEpochState.Open) await Close();
            await Pay();
        }
        catch (Exception e) when (e is not GovernanceException)
        {
            S.PaymentError = e.Message;
            log.RewardPaymentRetry(_dao, _epoch, e.Message);
            ScheduleSettle(RetryAfterFailure);
            throw;
        }
        if (S.Phase == RewardEpochState.Paid && await this.GetReminder(SettleReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private async Task Close()
    {
        S.Budget = await Dao.DrawRewards(_epoch);
        var ranked = S.Points.Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, p.Value)).ToList();
        var perDraw = S.Budget.Select(d => RewardAllocation.Allocate(d.Amount, ranked)).ToList();
        S.Allocation = [.. ranked.Select((r, i) => new RewardShare
        {
            Address = r.Key, Points = r.Value, Amounts = [.. perDraw.Select(a => a[i])],
        })];
        S.Phase = RewardEpochState.Closed;
        S.ClosedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        log.RewardEpochClosed(_dao, _epoch, ranked.Count, ranked.Sum(r => r.Value));
    }

    private void ScheduleSettle(TimeSpan? after = null)
    {
        var due = after ?? TimeSpan.FromSeconds(Math.Max(0, Epochs.ClosesAt(_epoch, S.Rules!) - Now));
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(static (g, _) => g.SettleIfDue(), this,
            new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan });
    }

    /// <summary>The timer is exact while the activation lives; the reminder wakes the epoch after a restart or deactivation.</summary>
    private async Task ScheduleSettleDurably()
    {
        ScheduleSettle();
        var due = TimeSpan.FromSeconds(Math.Max(60, Epochs.ClosesAt(_epoch, S.Rules!) - Now));
        await this.RegisterOrUpdateReminder(SettleReminder, due, TimeSpan.FromMinutes(10));
    }

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);
}
