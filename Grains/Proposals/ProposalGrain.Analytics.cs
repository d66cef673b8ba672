using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Analytics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Proposals;

/// <summary>The proposal's report to analytics, once its vote is over (sealed, or canceled before it opened).</summary>
public sealed partial class ProposalGrain
{
    /// <summary>
    /// Hands the closed vote to the analytics of its DAO and of every DAO above it (each idempotent per proposal) before the
    /// new state is saved, so a failure retries at the next wake-up, like the participation report.
    /// </summary>
    private async Task ReportAnalytics(ProposalState current)
    {
        var facts = Facts();
        var fact = new AnalyticsProposal
        {
            Proposal = Id,
            Outcome = current == ProposalState.Canceled
                ? ProposalOutcome.Canceled
                : AnalyticsRules.OutcomeOf(Outcome.QuorumReached(facts, facts.Tally), Outcome.Passed(facts)),
            OpenedAt = S.Snapshot.ToUnixTimeSeconds(),
            ClosedAt = S.Deadline.ToUnixTimeSeconds(),
            QuorumReachedAt = (S.QuorumSeenAt ?? S.QuorumReachedAt)?.ToUnixTimeSeconds(),
            Votable = S.VotableSupply ?? 0,
            Shards = S.Sealed ? Shards : 0,
        };
        for (var dao = Setup.Dao; dao is not null; dao = Names.ParentOf(dao))
            await GrainFactory.GetGrain<IDaoAnalyticsGrain>(dao).ProposalClosed(fact);
        S.AnalyticsReported = true;
    }
}
