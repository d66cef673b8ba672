using System.Collections.Immutable;
using System.Diagnostics;
using Blocktrack.Chain;
using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Proposals;

/// <summary>
/// One proposal. Its state is derived from recorded facts and the clock (<see cref="ProposalLifecycle"/>); a
/// reminder wakes it at every deadline to queue, execute, expire and announce, so it moves on with no caller and
/// after a silo restart. Reentrant so ballots can be group-committed; every state change happens between awaits.
/// </summary>
[Reentrant]
public sealed partial class ProposalGrain(
    [PersistentState(GovernanceStorage.ProposalState, GovernanceStorage.Name)] IPersistentState<ProposalGrainState> state,
    TimeProvider clock,
    GovernanceMetrics metrics,
    ILogger<ProposalGrain> log) : Grain, IProposalGrain, IRemindable
{
    private readonly CoalescingWriter _writer = new(state.WriteStateAsync);
    private Task<ProposalInfo>? _executing;

    private string Id => this.GetPrimaryKeyString();
    private ProposalGrainState S => state.State;
    private ProposalSetup Setup => S.Setup ?? throw Refuse.With(GovernanceError.ProposalNotFound, $"no proposal '{Id}'");
    private ProposalClass Class => Setup.Class;
    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Setup is null) return;
        await Advance(activating: true);
        await Audit.Deliver();
    }

    public async Task<ProposalInfo> Initialize(ProposalSetup setup)
    {
        if (S.Setup is not null)
        {
            Refuse.Unless(S.Setup.Id == setup.Id && S.Setup.CreatedAt == setup.CreatedAt, GovernanceError.InvalidState,
                $"'{Id}' already exists");
            return await Info();
        }
        Refuse.Unless(setup.Id == Id, GovernanceError.InvalidArgument, $"setup is for '{setup.Id}', not '{Id}'");
        S.Setup = setup;
        S.Snapshot = ProposalLifecycle.Truncate(setup.CreatedAt + setup.Class.VotingDelay);
        S.Deadline = ProposalLifecycle.Truncate(S.Snapshot + setup.Class.VotingPeriod);
        S.SnapshotFinal = SnapshotChains().Count == 0;
        await Advance();
        return await Info();
    }

    public Task<ProposalInfo> GetInfo() => Info();

    public async Task<ProposalInfo> Cancel(string actor)
    {
        var current = StateNow();
        Refuse.Unless(actor == Setup.Draft.Proposer, GovernanceError.NotAuthorized, "only the proposer may cancel");
        Refuse.Unless(current == ProposalState.Pending, GovernanceError.InvalidState,
            $"a proposal can be canceled only while pending; it is {current}");
        S.CanceledBy = actor;
        Owe(AuditTrail.BySigner(actor, $"canceled:{Id}", Now, AuditActs.ProposalCanceled, Id, "canceled by its proposer"));
        await Advance();
        await Audit.Deliver();
        return await Info();
    }

    public async Task<ProposalInfo> Veto(string actor, string reason)
    {
        var before = StateNow();
        Refuse.Unless(before is ProposalState.Succeeded or ProposalState.Queued, GovernanceError.InvalidState,
            $"a proposal can be vetoed only during its timelock; it is {before}");
        var allowed = await GrainFactory.GetGrain<IDaoGrain>(Setup.Dao).CanVeto(actor);
        Refuse.Unless(allowed, GovernanceError.NotAuthorized, $"{actor} is not a guardian of '{Setup.Dao}' or of a DAO above it");
        var after = StateNow();
        Refuse.Unless(after is ProposalState.Succeeded or ProposalState.Queued, GovernanceError.InvalidState, $"the proposal is {after}");
        S.VetoedBy = actor;
        S.VetoReason = DraftRules.VetoReason(reason);
        Owe(AuditTrail.BySigner(actor, $"vetoed:{Id}", Now, AuditActs.ProposalVetoed, Id, $"vetoed ({before}): {S.VetoReason}"));
        await Advance();
        await Audit.Deliver();
        return await Info();
    }

    public async Task<ProposalInfo> Execute()
    {
        var current = StateNow();
        Refuse.Unless(current == ProposalState.Queued && S.Eta <= Now, GovernanceError.InvalidState,
            current == ProposalState.Queued
                ? $"the timelock runs until {S.Eta:u}"
                : $"only a queued proposal can execute; it is {current}");
        return await (_executing is { IsCompleted: false } ? _executing : _executing = ExecuteOnce());
    }

    private async Task<ProposalInfo> ExecuteOnce()
    {
        using var activity = GovernanceMetrics.Source.StartActivity("proposal.execute");
        activity?.SetTag("proposal", Id);
        var result = await GrainFactory.GetGrain<IDaoGrain>(Setup.Dao).ExecuteActions(Id, Class, ActionsToExecute());
        metrics.Executed(result.Succeeded);
        S.Transactions = result.Transactions.IsDefault ? [] : result.Transactions;
        if (result.Succeeded)
        {
            S.ExecutedAt = result.At;
            S.ExecutionError = null;
        }
        else
        {
            S.ExecutionError = result.Error;
            log.ExecutionFailed(Id, result.FailedAction, result.Error);
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
            OweFailedExecution(result);
        }
        await Advance();
        await Audit.Deliver();
        return await Info();
    }

    /// <summary>
    /// Asks the rules what time has made due, does it, saves, announces a new state and schedules the next wake-up. While
    /// <paramref name="activating"/> a due execution waits for a timer right after: the DAO asks the proposal back before it
    /// executes, which a grain still activating cannot answer (a queued proposal past its eta after a restart hung so).
    /// </summary>
    private async Task Advance(bool activating = false)
    {
        if (ProposalDuties.SnapshotCheckDue(Facts(), Now)) await CheckSnapshotChains();
        if (ProposalDuties.QuorumBaseDue(Facts(), StateNow())) await EnsureQuorumBase();
        if (ProposalDuties.SealDue(Facts(), Now)) await SealShards();
        if (ProposalDuties.EtaDue(Facts(), StateNow(), Class.TimelockDelay) is { } eta) S.Eta = eta;
        var current = StateNow();
        if (ProposalDuties.AnchorDue(current, S.Announced)) await AnchorResult(current);
        if (S.Sealed && !S.ParticipationReported) await ReportClosed();
        if (!S.AnalyticsReported && (S.Sealed || current == ProposalState.Canceled)) await ReportAnalytics(current);
        if (current != S.Announced)
        {
            metrics.ProposalMoved(S.Announced, current);
            log.ProposalMoved(Id, S.Announced?.ToString() ?? "new", current.ToString());
            S.Announced = current;
            GrainFactory.GetGrain<IDaoGrain>(Setup.Dao).OnProposalStateChanged(Id, current).Ignore();
        }
        Changed();
        await _writer.Save();
        await Schedule(current);
        // None in flight: a finished one moved the state on, or threw (a timeout, a dropped connection) and is tried again.
        if (ProposalDuties.ExecutionDue(Facts(), current, Now, S.ExecutionError is not null) && _executing is not { IsCompleted: false })
        {
            if (activating)
            {
                WakeAfter(TimeSpan.Zero);
                return;
            }
            _executing = ExecuteOnce();
            try
            {
                await _executing;
            }
            catch (Exception e)
            {
                // Whoever woke the proposal (its timer, its reminder, an activation, a ballot) is not the one to fail:
                // the proposal tries again shortly on its own; a caller of Execute sees the error.
                log.DeadlineRetry(e, Id, RetryAfterFailure);
                WakeAfter(RetryAfterFailure);
            }
        }
    }

    private Task AnchorResult(ProposalState final)
    {
        var tally = S.FinalTally ?? Tally.Empty;
        return GrainFactory.GetGrain<IAnchorGrain>(0).Publish(new AnchorRecord
        {
            Key = AnchorRecord.ResultKey(Id),
            Subject = Id,
            State = final,
            For = tally.For,
            Against = tally.Against,
            Abstain = tally.Abstain,
            Hash = S.BallotSetHash ?? Hex.ToHex(new byte[32]),
        });
    }

    /// <summary>The proposal's actions, or in a choice class those of the winning choice.</summary>
    private ImmutableArray<ProposalAction> ActionsToExecute()
    {
        if (!Class.CountsChoices) return Setup.Draft.Actions;
        var winner = S.FinalTally?.Outcome?.Winner ?? throw Refuse.With(GovernanceError.InvalidState, "no choice has won");
        return Setup.Draft.Choices[winner - 1].Actions;
    }

    private ProposalState StateNow() => ProposalLifecycle.StateAt(Facts(), Now);

    private ProposalFacts Facts() => new()
    {
        Snapshot = S.Snapshot,
        Deadline = S.Deadline,
        Tally = S.FinalTally ?? Tally.Empty,
        TallyFinal = S.Sealed,
        SnapshotFinal = S.SnapshotFinal,
        QuorumRequired = S.QuorumRequired,
        ApprovalThresholdBps = Class.ApprovalThresholdBps,
        GracePeriod = Class.GracePeriod,
        Eta = S.Eta,
        Executed = S.ExecutedAt is not null,
        Canceled = S.CanceledBy is not null,
        Vetoed = S.VetoedBy is not null,
        Counting = Class.Counting,
        QuadraticPower = Class.QuadraticPower,
        MinWinningShareBps = Class.MinWinningShareBps,
        DynamicQuorum = Class.DynamicQuorum,
        SuperQuorumBps = Class.SuperQuorumBps,
        Votable = S.VotableSupply,
    };

    private async Task<ProposalInfo> Info()
    {
        var setup = Setup;
        // Once voting has opened the answer carries the votable supply and the quorum, even before the wake-up or the
        // first shard's report (fire-and-forget) has read them.
        if (ProposalDuties.QuorumBaseDue(Facts(), StateNow())) await EnsureQuorumBase();
        // Reentrant: the shards may be sealed while the live tally is read; the sealed count is then the one of record,
        // so the tally and the state below always describe the same moment.
        var tally = await GetTally();
        tally = S.FinalTally ?? tally;
        return new ProposalInfo
        {
            Id = Id,
            Dao = setup.Dao,
            Seq = setup.Seq,
            Proposer = setup.Draft.Proposer,
            Title = setup.Draft.Title,
            Description = setup.Draft.Description,
            Actions = setup.Draft.Actions,
            Class = setup.Class,
            ConstitutionVersion = setup.ConstitutionVersion,
            State = StateNow(),
            CreatedAt = setup.CreatedAt,
            Snapshot = S.Snapshot,
            Deadline = S.Deadline,
            DeadlineExtended = S.DeadlineExtended,
            Eta = S.Eta,
            ExecutedAt = S.ExecutedAt,
            Tally = tally,
            BallotShards = Shards,
            VotableSupply = S.VotableSupply,
            // With a dynamic quorum, what the tally so far requires.
            QuorumRequired = Outcome.QuorumRequired(Facts() with { Tally = tally }, tally),
            ExecutionError = S.ExecutionError,
            CanceledBy = S.CanceledBy,
            VetoedBy = S.VetoedBy,
            VetoReason = S.VetoReason,
            BallotSetHash = S.BallotSetHash,
            AsOf = Now,
            Transactions = S.Transactions.IsDefault ? [] : S.Transactions,
            Choices = setup.Draft.Choices.IsDefault ? [] : setup.Draft.Choices,
        };
    }
}
