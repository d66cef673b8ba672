using System.Collections.Concurrent;
using System.Numerics;
using Blocktrack.Grains.Governance.Analytics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;

namespace Blocktrack.Grains.Analytics;

/// <summary>
/// Carries a silo's voter reports to each token's power distribution in batches: reports made while one batch is on its
/// way go together in the next (up to <see cref="MostPerBatch"/>, one batch in flight per token), so a feed of a million
/// voters is about a thousand grain calls, not a million calls queueing on one activation until they time out. A voter's
/// task completes when the batch holding its report has been applied, and fails if that call fails (the voter then
/// resends, and the distribution applies a version once). An invalid report fails alone, before it joins a batch.
/// </summary>
public sealed class PowerReportRelay(IGrainFactory grains)
{
    public const int MostPerBatch = 1024;

    private readonly ConcurrentDictionary<string, RoundTripBatcher<PowerReport, bool>> _tokens = new(StringComparer.Ordinal);

    public Task Report(string token, string address, long version, BigInteger power)
    {
        var report = new PowerReport(address, version, power);
        AnalyticsRules.ValidateReport(report);
        return _tokens.GetOrAdd(token, Batcher).Submit(report);
    }

    /// <summary>Batches sent so far to a token's distribution (for the tests).</summary>
    public long BatchesSent(string token) => _tokens.TryGetValue(token, out var batcher) ? batcher.Writes : 0;

    private RoundTripBatcher<PowerReport, bool> Batcher(string token) => new(async reports =>
    {
        await grains.GetGrain<IPowerDistributionGrain>(token).ReportMany([.. reports]);
        return new bool[reports.Count];
    }, _ => 1, MostPerBatch, maxWriters: 1);
}
