using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Analytics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Analytics;

/// <summary>
/// One address's voting record in one DAO's analytics (key <c>{dao}/{address}</c>), written by the DAO's analytics grain
/// a ballot at a time in closing order: the closing numbers voted on (the last <see cref="Kept"/>), how many ballots gave a
/// reason, which closing number first counted the address in each period, and the proposals behind the last <see cref="Kept"/>
/// (the index of its ballots across proposals). One small, bounded write per ballot read.
/// </summary>
public sealed class DelegateActivityGrain(
    [PersistentState(GovernanceStorage.DelegateActivityState, GovernanceStorage.Name)] IPersistentState<DelegateActivityState> state)
    : Grain, IDelegateActivityGrain
{
    /// <summary>Closing numbers kept per address: the largest N a participation rate may be asked over.</summary>
    public const int Kept = 1_000;

    private DelegateActivityState S => state.State;

    private string Address => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..];

    public Task<DelegateRecorded> Record(long index, string period, bool withReason) =>
        RecordBallot(new VotedProposal { Index = index }, period, withReason);

    public async Task<DelegateRecorded> RecordBallot(VotedProposal ballot, string period, bool withReason)
    {
        var index = ballot.Index;
        if (S.Voted.Count > 0 && S.Voted[^1] >= index)
        {
            // A page read again after a crash: the same answer as the first time, nothing counted twice.
            return new DelegateRecorded(S.FirstIn.GetValueOrDefault(period) == index, S.FirstIn.GetValueOrDefault(Periods.All) == index);
        }
        S.Voted.Add(index);
        if (S.Voted.Count > Kept) S.Voted.RemoveRange(0, S.Voted.Count - Kept);
        if (!string.IsNullOrEmpty(ballot.Proposal)) S.Proposals.Add(ballot);
        if (S.Proposals.Count > Kept) S.Proposals.RemoveRange(0, S.Proposals.Count - Kept);
        S.Ballots++;
        if (withReason) S.WithReason++;
        var firstInPeriod = S.FirstIn.TryAdd(period, index);
        var firstEver = S.FirstIn.TryAdd(Periods.All, index);
        await state.WriteStateAsync();
        return new DelegateRecorded(firstInPeriod, firstEver);
    }

    public Task<VotedProposalPage> GetVotedProposals(int offset, int limit)
    {
        Refuse.Unless(offset >= 0 && limit > 0, GovernanceError.InvalidArgument, "offset must be ≥ 0 and limit > 0");
        var newestFirst = Enumerable.Range(0, Math.Max(0, Math.Min(limit, S.Proposals.Count - offset)))
            .Select(i => S.Proposals[S.Proposals.Count - 1 - offset - i]);
        return Task.FromResult(new VotedProposalPage { Items = [.. newestFirst], Total = S.Proposals.Count });
    }

    public Task<DelegateRow> GetStanding(DelegateWindows windows, BigInteger power)
    {
        var last = new ProposalWindow(windows.LastNAfter, windows.LastNTo);
        var recent = new ProposalWindow(windows.SinceAfter, windows.SinceTo);
        var votedLast = DelegateParticipation.VotedIn(S.Voted, last);
        var votedRecent = DelegateParticipation.VotedIn(S.Voted, recent);
        return Task.FromResult(new DelegateRow
        {
            Address = Address,
            Power = power,
            VotedLastN = votedLast,
            LastN = last.Size,
            Participation = DelegateParticipation.Rate(votedLast, last),
            Voted90Days = votedRecent,
            Closed90Days = recent.Size,
            Participation90Days = DelegateParticipation.Rate(votedRecent, recent),
            Active = DelegateParticipation.IsActive(votedRecent, recent),
            Ballots = S.Ballots,
            RationaleRate = Ratio.Share(S.WithReason, S.Ballots),
        });
    }
}
