using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Blocktrack.Grains.Governance.Analytics;

namespace Blocktrack.Grains.Analytics;

/// <summary>
/// Prometheus gauges of the headline figures, labelled by DAO or token. Each silo reports the figures of the analytics
/// grains active on it, as they were at their last change (a grain publishes on activation and after each update).
/// </summary>
public sealed class AnalyticsMetrics
{
    // The factory hands out one meter per name (the one GovernanceMetrics has too) and disposes it itself.
    private readonly Meter _meter;
    private readonly ConcurrentDictionary<string, DaoHeadline> _daos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcentrationFigures> _tokens = new(StringComparer.Ordinal);

    public AnalyticsMetrics(IMeterFactory factory)
    {
        _meter = factory.Create(GovernanceMetrics.MeterName);
        Dao("blocktrack.analytics.proposals.closed", "{proposal}", "Closed proposals (all time, sub-DAOs included)", h => h.Closed);
        Dao("blocktrack.analytics.pass_rate", "1", "Passed / proposals that came to a vote (all time)", h => (double)h.PassRate);
        Dao("blocktrack.analytics.turnout.median", "1", "Median turnout: power cast / votable at the snapshot (all time)",
            h => (double)(h.MedianTurnout ?? 0m));
        Dao("blocktrack.analytics.voters.unique", "{address}", "Distinct voters (all time)", h => h.UniqueVoters);
        Token("blocktrack.analytics.power.gini", "1", "Gini coefficient of delegated votable power", f => (double)f.Gini);
        Token("blocktrack.analytics.power.nakamoto", "{address}", "Fewest delegates holding more than half the votable power",
            f => f.Nakamoto);
        Token("blocktrack.analytics.power.hhi", "1", "Herfindahl-Hirschman index of delegated votable power (0..1)", f => (double)f.Hhi);
        Token("blocktrack.analytics.power.holders", "{address}", "Delegates holding votable power", f => f.Holders);
    }

    public void Dao(string dao, DaoHeadline headline) => _daos[dao] = headline;

    public void Concentration(string token, ConcentrationFigures figures) => _tokens[token] = figures;

    private void Dao(string name, string unit, string description, Func<DaoHeadline, double> value) =>
        _meter.CreateObservableGauge(name, () => _daos.Select(d => new Measurement<double>(value(d.Value),
            new KeyValuePair<string, object?>("dao", d.Key))), unit, description);

    private void Token(string name, string unit, string description, Func<ConcentrationFigures, double> value) =>
        _meter.CreateObservableGauge(name, () => _tokens.Select(t => new Measurement<double>(value(t.Value),
            new KeyValuePair<string, object?>("token", t.Key))), unit, description);
}

/// <summary>A DAO's all-time headline figures, as last published.</summary>
public readonly record struct DaoHeadline(long Closed, decimal PassRate, decimal? MedianTurnout, long UniqueVoters);
