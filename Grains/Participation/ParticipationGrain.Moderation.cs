using Blocktrack.Grains.Governance.Participation;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Participation;

/// <summary>
/// Upheld moderation: a hiding earns its moderator points only once its appeal window has ended with the hiding standing
/// (no executed appeal reversed it, no moderator restored it), as the DAO (which owns the log) answers at that moment;
/// and once per target, however often it is hidden.
/// </summary>
public sealed partial class ParticipationGrain
{
    public async Task ModerationRecorded(ModerationAction act)
    {
        RequireOwn(act);
        if (!act.Hidden || act.Reverses is not null || S.Moderations.Contains(act.Seq)) return;
        if (await Rules() is not { } rules) return;
        S.Moderations.Add(act.Seq);
        S.Watches.Add(new ModerationWatch
        {
            Seq = act.Seq, Moderator = act.Moderator, DueAt = act.At.ToUnixTimeSeconds() + rules.AppealWindowSeconds,
            Proposal = act.Proposal, Voter = act.Voter,
        });
        await state.WriteStateAsync();
        await ScheduleDurably();
    }

    private void RequireOwn(ModerationAction act) => Governance.Refuse.Unless(
        act.Seq >= 1 && Names.TryParseProposalId(act.Proposal, out var dao, out _) && dao == Dao,
        GovernanceError.InvalidArgument, $"moderation {act.Seq} is not one of '{Dao}'");

    private async Task UpholdDue()
    {
        var due = S.Watches.Where(w => w.DueAt <= Now).OrderBy(w => w.DueAt).ThenBy(w => w.Seq).FirstOrDefault();
        if (due is null) return;
        var rules = await Rules();
        if (rules is not null && await GrainFactory.GetGrain<IDaoGrain>(Dao).ModerationUpheld(due.Seq))
        {
            var job = new ParticipationJob { Epoch = Epochs.Of(due.DueAt, rules.EpochSeconds) };
            await Earn(job, due.Moderator, PointsRules.ModerationCause(due.Proposal, due.Voter), rules.ModerationPoints,
                ParticipantFactKind.ModerationUpheld, due.DueAt);
        }
        S.Watches.Remove(due);
        await state.WriteStateAsync();
    }
}
