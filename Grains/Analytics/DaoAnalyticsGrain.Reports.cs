using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Analytics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Analytics;

/// <summary>
/// What the DAO's analytics answers: a period's report from its closed-proposal records (no ballot is read), the delegate
/// leaderboard and the nudges (one call per listed delegate and per active proposal looked at).
/// </summary>
public sealed partial class DaoAnalyticsGrain
{
    public const int MaxDelegates = 500;
    public const int MaxLastN = DelegateActivityGrain.Kept;

    public async Task<AnalyticsReport> GetReport(string period)
    {
        Refuse.Unless(Periods.IsValid(period), GovernanceError.InvalidArgument, $"'{period}' is not a period: 'all' or a month yyyy-MM");
        var items = S.Closed.Where(r => period == Periods.All || r.Period == period).Select(Figures).ToList();
        var report = AnalyticsRules.Report(Dao, period, items, S.UniqueVoters.GetValueOrDefault(period), Now);
        // The DAO's own treasury only: a rollup would count every allocation to a sub-DAO twice (out here, in there).
        return report with { TreasuryFlows = await GrainFactory.GetGrain<IDaoGrain>(Dao).TreasuryFlowsOf(period) };
    }

    public Task<DelegateWindows> GetWindows(int lastN, long since)
    {
        Refuse.Unless(lastN is >= 1 and <= MaxLastN, GovernanceError.InvalidArgument, $"the last N proposals: N must be 1..{MaxLastN}");
        var last = DelegateParticipation.LastN(Voted, lastN);
        var recent = DelegateParticipation.Since(ClosedTimes, since);
        return Task.FromResult(new DelegateWindows
        {
            LastNAfter = last.After, LastNTo = last.To, SinceAfter = recent.After, SinceTo = recent.To,
        });
    }

    public async Task<DelegateBoard> GetDelegates(string token, int limit, int lastN)
    {
        Refuse.Unless(limit is >= 1 and <= MaxDelegates, GovernanceError.InvalidArgument, $"limit must be 1..{MaxDelegates}");
        return new DelegateBoard { Dao = Dao, Token = token, Delegates = [.. await Standings(token, limit, lastN)], AsOf = Now };
    }

    public async Task<Nudges> GetNudges(NudgeQuery query)
    {
        Refuse.Unless(query.ThresholdBps is >= 0 and <= 10_000, GovernanceError.InvalidArgument, "threshold must be 0..10000 bps");
        Refuse.Unless(query.Delegates is >= 1 and <= MaxDelegates, GovernanceError.InvalidArgument, $"delegates must be 1..{MaxDelegates}");
        Refuse.Unless(query.ClosingWithinSeconds is >= 0 and <= 366 * 86_400L, GovernanceError.InvalidArgument,
            "closing within must be 0..366 days");
        var delegates = await Standings(query.Token, query.Delegates, query.LastN);
        // Only delegates with a window to judge them by: a DAO with no closed proposal nudges nobody.
        var lagging = delegates.Where(d => d.LastN > 0 && d.VotedLastN * 10_000L < query.ThresholdBps * d.LastN);
        var active = await GrainFactory.GetGrain<IDaoGrain>(Dao).ListProposals(ProposalState.Active, 0, 100);
        var infos = await Task.WhenAll(active.Items.Select(p => GrainFactory.GetGrain<IProposalGrain>(p.Id).GetInfo()));
        var closing = infos
            .Where(p => p.Deadline - Now <= TimeSpan.FromSeconds(query.ClosingWithinSeconds) && p.QuorumRequired is { } q
                && QuorumVotes(p) < q)
            .OrderBy(p => p.Deadline)
            .Select(p => new ClosingProposal
            {
                Proposal = p.Id, Title = p.Title, Deadline = p.Deadline, QuorumVotes = QuorumVotes(p),
                QuorumRequired = p.QuorumRequired!.Value, QuorumProgress = Ratio.ToDecimal(QuorumVotes(p), p.QuorumRequired!.Value),
            });
        return new Nudges { Dao = Dao, Delegates = [.. lagging], Proposals = [.. closing], AsOf = Now };
    }

    private async Task<DelegateRow[]> Standings(string token, int limit, int lastN)
    {
        Refuse.Unless(Names.IsToken(token), GovernanceError.InvalidArgument, $"'{token}' is not a valid token id");
        var windows = await GetWindows(lastN, Now.Add(-DelegateParticipation.ActiveWindow).ToUnixTimeSeconds());
        var distribution = GrainFactory.GetGrain<IPowerDistributionGrain>(token);
        var top = await distribution.GetTop(limit);
        var total = (await distribution.GetConcentration(null)).Votable;
        var rows = await Task.WhenAll(top.Select(t => Activity(t.Address).GetStanding(windows, t.Power)));
        return [.. rows.Select(r => r with { PowerShare = Ratio.ToDecimal(r.Power, total) })];
    }

    /// <summary>What quorum counts (as <see cref="Outcome.QuorumVotes"/>): For + Abstain, or raw power in other classes.</summary>
    private static System.Numerics.BigInteger QuorumVotes(ProposalInfo p) =>
        p.Class.Counting != CountingType.Basic || p.Class.QuadraticPower ? p.Tally.QuorumPower : p.Tally.For + p.Tally.Abstain;

    /// <summary>Close times of the proposals that came to a vote, by vote number (closing order, so they do not decrease).</summary>
    private List<long> ClosedTimes => [.. S.Closed.Where(r => r.Index > 0).Select(r => r.Fact.ClosedAt)];

    private static ProposalFigures Figures(AnalyticsProposalRecord r) => new()
    {
        Proposal = r.Fact.Proposal,
        Outcome = r.Fact.Outcome,
        ClosedAt = r.Fact.ClosedAt,
        Ballots = r.Ballots,
        PowerCast = r.PowerCast,
        Votable = r.Fact.Votable,
        TurnoutPpm = r.Done && r.Fact.Outcome != ProposalOutcome.Canceled ? Ratio.Ppm(r.PowerCast, r.Fact.Votable) : null,
        SecondsToQuorum = AnalyticsRules.SecondsToQuorum(r.Fact.OpenedAt, r.Fact.QuorumReachedAt),
    };

    /// <summary>Hands the all-time headline to the gauges.</summary>
    private void Publish()
    {
        var all = AnalyticsRules.Report(Dao, Periods.All, S.Closed.ConvertAll(Figures), S.UniqueVoters.GetValueOrDefault(Periods.All), Now);
        metrics.Dao(Dao, new DaoHeadline(all.Proposals, all.PassRate, all.MedianTurnout, all.UniqueVoters));
    }
}
