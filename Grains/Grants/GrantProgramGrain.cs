using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Grants;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Grants;

/// <summary>
/// A grant program (key <c>{dao}/programs/{n}</c>): the budget ledger every reservation, tranche, clawback and the close
/// go through (checked to balance on every change), and the index of its grants. What the DAO must hear of (funds back,
/// SDG figures) is saved with the change and delivered after it, so a crash loses none and repeats none.
/// </summary>
public sealed partial class GrantProgramGrain(
    [PersistentState(GovernanceStorage.GrantProgramState, GovernanceStorage.Name)] IPersistentState<GrantProgramGrainState> state,
    IChainExecutor chains,
    TimeProvider clock,
    ILogger<GrantProgramGrain> log) : Grain, IGrantProgramGrain, IRemindable
{
    private const string CloseReminder = "close";
    private string _dao = "";
    private long _number;
    private IGrainTimer? _timer;

    private GrantProgramGrainState S => state.State;
    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();
    private IDaoGrain Dao => GrainFactory.GetGrain<IDaoGrain>(_dao);
    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Refuse.Unless(Names.TryParseProgramKey(Key, out _dao, out _number), GovernanceError.InvalidArgument,
            $"'{Key}' is not a grant program key ({{dao}}/programs/{{n}})");
        if (S.Opened && !S.Closed) ScheduleClose();
        if (S.Owed.Count > 0) await DeliverOwed();
    }

    public async Task<GrantProgramInfo> Open(GrantProgramTerms terms, string openedBy)
    {
        if (S.Opened)
        {
            Refuse.Unless(S.OpenedBy == openedBy, GovernanceError.InvalidState, $"grant program '{Key}' is already open");
            return Info(0, 0);
        }
        Refuse.Unless(Names.TryParseProposalId(openedBy, out var dao, out _) && dao == _dao, GovernanceError.NotAuthorized,
            $"'{openedBy}' is not a proposal of '{_dao}'");
        GrantRules.ValidateTerms(terms);
        S.Opened = true;
        S.Terms = terms;
        S.OpenedBy = openedBy;
        S.OpenedAt = clock.GetUtcNow();
        S.Ledger = ProgramBook.Opened(terms.Budget);
        await state.WriteStateAsync();
        log.ProgramOpened(Key, openedBy, terms.Budget.ToString(), terms.Asset);
        ScheduleClose();
        await this.RegisterOrUpdateReminder(CloseReminder, TimeSpan.FromSeconds(Math.Max(60, terms.EndsAt - Now)), TimeSpan.FromHours(1));
        return Info(0, 0);
    }

    public async Task<GrantInfo> Apply(GrantApplication application)
    {
        RequireOpen();
        Refuse.Unless(application is not null && !string.IsNullOrEmpty(application.Digest), GovernanceError.InvalidArgument,
            "an application needs its signed digest");
        if (S.Applications.TryGetValue(application!.Digest, out var earlier)) return await Grant(earlier).Create(S.Terms, application);
        Refuse.Unless(!S.Closed, GovernanceError.InvalidState, $"grant program '{Key}' has closed");
        GrantRules.ValidateApplication(S.Terms, application, Now);
        var number = S.Grants.Count + 1L;
        S.Grants.Add(new GrantSummary
        {
            Number = number, Applicant = application.Applicant, Title = application.Title, Amount = application.Amount,
            Status = GrantStatus.Pending, NextDue = application.Milestones[0].Due,
        });
        S.Applications[application.Digest] = number;
        await state.WriteStateAsync();
        return await Grant(number).Create(S.Terms, application);
    }

    public Task<GrantProgramInfo> GetInfo(int offset, int limit)
    {
        RequireOpen();
        // A limit of 0 asks for the program without its grants (the programs listing).
        if (limit != 0) Paging.RequireProposalPage(offset, limit);
        return Task.FromResult(Info(offset, limit));
    }

    public async Task Reserve(long grant, BigInteger amount, ImmutableArray<int> sdgs)
    {
        RequireGrant(grant);
        if (S.Reserved.ContainsKey(grant)) return;
        Refuse.Unless(!S.Closed, GovernanceError.InvalidState, $"grant program '{Key}' has closed; it approves no more grants");
        var ledger = ProgramBook.Reserve(S.Ledger, amount);
        // Checked against the SDG caps before anything changes here; the DAO counts it once per cause.
        await Dao.RecordGrantSdg(_number, $"approved:{grant}", new GrantSdgFact
        {
            At = Now, Goals = sdgs, ProgramGoals = S.Terms.Sdgs, Asset = S.Terms.Asset, Amount = amount,
        });
        S.Ledger = ledger;
        S.Reserved[grant] = amount;
        await state.WriteStateAsync();
    }

    public async Task<ChainTransaction?> Pay(long grant, int milestone, BigInteger amount, string recipient)
    {
        RequireGrant(grant);
        var cause = $"{grant}/{milestone}";
        if (S.Paid.TryGetValue(cause, out var done)) return done;
        var left = S.Reserved.GetValueOrDefault(grant);
        Refuse.Unless(S.Reserved.ContainsKey(grant) && !S.Released.Contains(grant) && amount <= left, GovernanceError.InsufficientFunds,
            $"grant {grant} has {left} {S.Terms.Asset} reserved; {amount} to pay");
        var onChain = await PayOnChain(cause, amount, recipient);
        S.Ledger = ProgramBook.Pay(S.Ledger, amount);
        S.Reserved[grant] = left - amount;
        S.Paid[cause] = onChain;
        if (onChain is not null) S.Owed.Add(new ProgramNotice { Cause = $"paid:{cause}", Amount = amount, Returned = false });
        S.Owed.Add(new ProgramNotice
        {
            Cause = $"paid:{cause}",
            Sdg = new GrantSdgFact
            {
                At = Now, Goals = await GoalsOf(grant), ProgramGoals = S.Terms.Sdgs, Asset = S.Terms.Asset, Amount = amount, Paid = true,
            },
        });
        await state.WriteStateAsync();
        await DeliverOwed();
        return onChain;
    }

    public async Task Release(long grant, BigInteger amount)
    {
        RequireGrant(grant);
        if (!S.Released.Add(grant)) return;
        var left = S.Reserved.GetValueOrDefault(grant);
        Refuse.Unless(amount == left, GovernanceError.InvalidState, $"grant {grant} has {left} reserved and unpaid, not {amount}");
        S.Ledger = ProgramBook.Release(S.Ledger, left, S.Closed);
        S.Reserved[grant] = 0;
        if (S.Closed && left.Sign > 0) S.Owed.Add(new ProgramNotice { Cause = $"clawback:{grant}", Amount = left, Returned = true });
        await state.WriteStateAsync();
        await DeliverOwed();
    }

    public async Task Track(GrantSummary summary)
    {
        RequireGrant(summary.Number);
        if (S.Grants[(int)summary.Number - 1] == summary) return;
        S.Grants[(int)summary.Number - 1] = summary;
        await state.WriteStateAsync();
    }

    public async Task<GrantProgramInfo> Tick()
    {
        RequireOpen();
        if (!S.Closed && Now >= S.Terms.EndsAt)
        {
            var free = S.Ledger.Free;
            S.Ledger = ProgramBook.Close(S.Ledger);
            S.Closed = true;
            if (free.Sign > 0) S.Owed.Add(new ProgramNotice { Cause = "close", Amount = free, Returned = true });
            await state.WriteStateAsync();
            log.ProgramClosed(Key, free.ToString(), S.Terms.Asset);
            _timer?.Dispose();
            if (await this.GetReminder(CloseReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
        await DeliverOwed();
        return Info(0, 0);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await Tick();

    private IGrantGrain Grant(long number) => GrainFactory.GetGrain<IGrantGrain>(Names.GrantKey(_dao, _number, number));

    private async Task<ImmutableArray<int>> GoalsOf(long grant) => (await Grant(grant).GetInfo()).Application.Sdgs;

    private void RequireOpen() =>
        Refuse.Unless(S.Opened, GovernanceError.ProgramNotFound, $"'{_dao}' has no grant program {_number}");

    private void RequireGrant(long grant)
    {
        RequireOpen();
        Refuse.Unless(grant >= 1 && grant <= S.Grants.Count, GovernanceError.GrantNotFound, $"grant program '{Key}' has no grant {grant}");
    }

    private void ScheduleClose()
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(static (g, _) => g.Tick(), this, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.FromSeconds(Math.Clamp(S.Terms.EndsAt - Now, 0, int.MaxValue / 1000)), Period = Timeout.InfiniteTimeSpan,
        });
    }
}
