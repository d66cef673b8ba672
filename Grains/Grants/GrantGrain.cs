using System.Collections.Immutable;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Grants;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Grants;

/// <summary>
/// One grant (key <c>{dao}/programs/{n}/grants/{m}</c>): its application, the committee's reviews, milestones, tranches
/// and a history of every change with who, when and why. Committee membership is asked of the DAO at each review (the DAO
/// owns its roles); money moves only through the program. Not reentrant: one change at a time.
/// </summary>
public sealed partial class GrantGrain(
    [PersistentState(GovernanceStorage.GrantState, GovernanceStorage.Name)] IPersistentState<GrantGrainState> state,
    TimeProvider clock,
    ILogger<GrantGrain> log) : Grain, IGrantGrain, IRemindable
{
    private const string TickReminder = "tick";
    private string _programKey = "";
    private string _dao = "";
    private long _program;
    private long _number;

    private GrantGrainState S => state.State;
    private DateTimeOffset Now => clock.GetUtcNow();
    private string Key => this.GetPrimaryKeyString();
    private IGrantProgramGrain Program => GrainFactory.GetGrain<IGrantProgramGrain>(_programKey);
    private IDaoGrain Dao => GrainFactory.GetGrain<IDaoGrain>(_dao);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Refuse.Unless(Names.TryParseGrantKey(Key, out _programKey, out _number) && Names.TryParseProgramKey(_programKey, out _dao, out _program),
            GovernanceError.InvalidArgument, $"'{Key}' is not a grant key ({{dao}}/programs/{{n}}/grants/{{m}})");
        return Task.CompletedTask;
    }

    public async Task<GrantInfo> Create(GrantProgramTerms terms, GrantApplication application)
    {
        if (S.Created)
        {
            Refuse.Unless(S.Application.Digest == application.Digest, GovernanceError.InvalidState, $"grant '{Key}' already exists");
            return Info();
        }
        S.Created = true;
        S.Terms = terms;
        S.Application = application;
        S.Tranches = GrantRules.Tranches(application.Amount, application.Milestones);
        S.Milestones = [.. application.Milestones.Select(_ => new MilestoneState())];
        S.AppliedAt = Now;
        Record(application.Applicant, "applied", application.Digest, application.Title);
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(TickReminder, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        return Info();
    }

    public Task<GrantInfo> GetInfo()
    {
        RequireCreated();
        return Task.FromResult(Info());
    }

    public async Task<GrantInfo> Review(string reviewer, GrantDecision decision, string reason, string digest)
    {
        RequireCreated();
        RequireReason(reason);
        await RequireCommittee(reviewer);
        switch (decision)
        {
            case GrantDecision.Approve or GrantDecision.Reject:
                Refuse.Unless(S.Status == GrantStatus.Pending, GovernanceError.InvalidState, $"grant '{Key}' is {S.Status}, not pending");
                Refuse.Unless(!S.Approvals.Contains(reviewer) && !S.Rejections.Contains(reviewer), GovernanceError.InvalidState,
                    $"{reviewer} has already reviewed grant '{Key}'");
                var votes = decision == GrantDecision.Approve ? S.Approvals : S.Rejections;
                if (GrantRules.Reached(votes.Count + 1, S.Terms)) await Decide(decision, reviewer, reason, digest);
                votes.Add(reviewer);
                Record(reviewer, decision == GrantDecision.Approve ? "review-approve" : "review-reject", digest, reason);
                break;
            case GrantDecision.Cancel:
                Refuse.Unless(S.Status == GrantStatus.Active, GovernanceError.InvalidState, $"grant '{Key}' is {S.Status}, not active");
                Refuse.Unless(!S.Cancellations.Contains(reviewer), GovernanceError.InvalidState,
                    $"{reviewer} has already asked to cancel grant '{Key}'");
                if (GrantRules.Reached(S.Cancellations.Count + 1, S.Terms)) await Decide(decision, reviewer, reason, digest);
                S.Cancellations.Add(reviewer);
                Record(reviewer, "review-cancel", digest, reason);
                break;
            default:
                throw Refuse.With(GovernanceError.InvalidArgument, $"unknown decision {decision}");
        }
        return await Saved();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await Tick();

    /// <summary>
    /// Takes a decision on the application or the grant: approving reserves the amount in the program first (refused there
    /// past the budget or an SDG cap, and then nothing here changes); canceling returns the unpaid tranches.
    /// </summary>
    private async Task Decide(GrantDecision decision, string actor, string reason, string cause)
    {
        switch (decision)
        {
            case GrantDecision.Approve:
                await Program.Reserve(_number, S.Application.Amount, S.Application.Sdgs);
                S.Status = GrantStatus.Active;
                Record(actor, "approved", cause, reason);
                break;
            case GrantDecision.Reject:
                S.Status = GrantStatus.Rejected;
                Record(actor, "rejected", cause, reason);
                break;
            default:
                var clawback = GrantRules.Clawback(S.Application.Amount, S.Paid);
                await Program.Release(_number, clawback);
                S.Status = GrantStatus.Canceled;
                S.ClawedBack = clawback;
                foreach (var m in S.Milestones.Where(m => m.Status != MilestoneStatus.Paid)) m.Status = MilestoneStatus.Canceled;
                Record(actor, "canceled", cause, reason);
                break;
        }
        log.GrantChanged(Key, decision.ToString(), actor);
    }

    private async Task RequireCommittee(string reviewer)
    {
        Addresses.Require(reviewer, "reviewer");
        Refuse.Unless(await Dao.HoldsRole(DaoRole.Committee, reviewer), GovernanceError.NotAuthorized,
            $"{reviewer} is not on the committee of '{_dao}'");
    }

    private static void RequireReason(string reason) =>
        Refuse.Unless(reason is not null && reason.Length <= ModerationRules.MaxReason, GovernanceError.InvalidArgument,
            $"a reason is at most {ModerationRules.MaxReason} characters");

    private void RequireCreated() => Refuse.Unless(S.Created, GovernanceError.GrantNotFound, $"there is no grant '{Key}'");

    private void Record(string actor, string kind, string cause, string reason, int? milestone = null) => S.History.Add(new GrantEvent
    {
        At = Now, Actor = actor, Kind = kind, Cause = cause, Reason = reason, Milestone = milestone,
    });

    /// <summary>Saves the change, tells the program's index where the grant stands and the participation ledger what was paid.</summary>
    private async Task<GrantInfo> Saved()
    {
        await state.WriteStateAsync();
        await Program.Track(Summary());
        await AnnounceDelivered();
        if (S.Status is GrantStatus.Rejected or GrantStatus.Completed or GrantStatus.Canceled
            && await this.GetReminder(TickReminder) is { } reminder) await this.UnregisterReminder(reminder);
        return Info();
    }

    /// <summary>Each paid milestone earns its grantee participation points, once (the ledger keys them by milestone).</summary>
    private async Task AnnounceDelivered()
    {
        while (S.Delivered.Count > 0)
        {
            var d = S.Delivered[0];
            await GrainFactory.GetGrain<IParticipationGrain>(_dao).MilestoneDelivered(Key, d.Milestone, S.Application.Applicant, d.At);
            S.Delivered.RemoveAt(0);
            await state.WriteStateAsync();
        }
    }

    private GrantSummary Summary() => new()
    {
        Number = _number, Applicant = S.Application.Applicant, Title = S.Application.Title, Amount = S.Application.Amount,
        Status = S.Status,
        NextDue = S.Status is GrantStatus.Pending or GrantStatus.Active
            ? S.Milestones.Select((m, i) => (m, i)).Where(x => x.m.Status is not (MilestoneStatus.Paid or MilestoneStatus.Canceled))
                .Select(x => (long?)S.Application.Milestones[x.i].Due).FirstOrDefault()
            : null,
    };

    private GrantInfo Info()
    {
        var now = Now.ToUnixTimeSeconds();
        return new GrantInfo
        {
            Id = Key, Dao = _dao, Program = _program, Number = _number, Application = S.Application, Status = S.Status,
            Asset = S.Terms.Asset, Paid = S.Paid, ClawedBack = S.ClawedBack, AppliedAt = S.AppliedAt,
            Approvals = [.. S.Approvals], Rejections = [.. S.Rejections], Cancellations = [.. S.Cancellations], History = [.. S.History],
            Milestones = [.. S.Milestones.Select((m, i) => new MilestoneInfo
            {
                Index = i, Plan = S.Application.Milestones[i], Amount = S.Tranches[i], Status = m.Status, EvidenceUrl = m.EvidenceUrl,
                EvidenceHash = m.EvidenceHash, Approvals = [.. m.Approvals], Rejections = [.. m.Rejections], Transaction = m.Transaction,
                Overdue = S.Status == GrantStatus.Active && m.Status is not (MilestoneStatus.Paid or MilestoneStatus.Canceled)
                    && S.Application.Milestones[i].Due < now,
            })],
        };
    }
}
