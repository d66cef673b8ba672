using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Analytics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Analytics;

/// <summary>
/// A token's votable power per delegate and its concentration (Gini, Nakamoto, HHI), kept exact as each change lands.
/// Changes are rows appended to the append-only log the ballots use (O(1) storage per change, group-committed; a row is a
/// <see cref="Ballot"/> whose Voter is the address, Weight its power, Power the voter's version and Timestamp when it
/// landed), replayed on activation, so no growing state blob is ever rewritten. The figures after each second with a change
/// are kept in memory, so a reading at a past time is a binary search. Reentrant so concurrent reports share a commit.
/// </summary>
[Reentrant]
public sealed class PowerDistributionGrain(IBallotLog log, TimeProvider clock, AnalyticsMetrics metrics,
    ILogger<PowerDistributionGrain> logger) : Grain, IPowerDistributionGrain
{
    private readonly PowerDistribution _distribution = new();
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly List<(long At, ConcentrationFigures Figures)> _history = [];
    private GroupCommit<Ballot>? _commits;

    private string Token => this.GetPrimaryKeyString();

    /// <summary>"~" is in no DAO path, so this log id is never a proposal's or a shard's.</summary>
    private string LogId => $"~power/{Token}";

    private GroupCommit<Ballot> Commits => _commits ??= new GroupCommit<Ballot>(Append);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var rows = await log.ReadAsync(LogId, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            Apply(rows[i]);
            if (i == rows.Count - 1 || rows[i + 1].Timestamp != rows[i].Timestamp) Checkpoint(rows[i].Timestamp);
        }
        logger.DistributionReplayed(Token, rows.Count, _distribution.Count);
        Publish();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _commits?.WhenIdle().WaitAsync(cancellationToken) ?? Task.CompletedTask;

    public Task Report(string address, long version, BigInteger power) => ReportMany([new PowerReport(address, version, power)]);

    public Task ReportMany(ImmutableArray<PowerReport> reports)
    {
        foreach (var r in reports) AnalyticsRules.ValidateReport(r);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var submitted = new List<Task>();
        foreach (var r in reports)
        {
            if (_versions.GetValueOrDefault(r.Address) >= r.Version) continue;
            submitted.Add(Commits.Submit(new Ballot { Voter = r.Address, Weight = r.Power, Power = r.Version, Timestamp = now }));
        }
        return submitted.Count switch { 0 => Task.CompletedTask, 1 => submitted[0], _ => Task.WhenAll(submitted) };
    }

    public Task<ConcentrationReport> GetConcentration(long? at)
    {
        var when = at ?? clock.GetUtcNow().ToUnixTimeSeconds();
        var figures = FiguresAt(when);
        return Task.FromResult(new ConcentrationReport
        {
            Token = Token, At = when, Holders = figures.Holders, Votable = figures.Total, Gini = figures.Gini,
            Nakamoto = figures.Nakamoto, Hhi = figures.Hhi, HhiPoints = Concentration.HhiPoints(figures.Hhi),
        });
    }

    public Task<ImmutableArray<DelegatePower>> GetTop(int limit)
    {
        Refuse.Unless(limit is >= 1 and <= 1_000, GovernanceError.InvalidArgument, "limit must be 1..1000");
        ImmutableArray<DelegatePower> top = [.. _distribution.Top(limit).Select(t => new DelegatePower(t.Address, t.Power))];
        return Task.FromResult(top);
    }

    private async Task Append(IReadOnlyList<Ballot> batch)
    {
        await log.AppendAsync(LogId, batch);
        foreach (var row in batch) Apply(row);
        Checkpoint(batch[^1].Timestamp);
        Publish();
    }

    /// <summary>Applies a row unless a newer version of the address is already in (rows of one batch may race).</summary>
    private void Apply(Ballot row)
    {
        var version = (long)row.Power;
        if (_versions.GetValueOrDefault(row.Voter) >= version) return;
        _versions[row.Voter] = version;
        _distribution.Set(row.Voter, row.Weight);
    }

    private void Checkpoint(long at)
    {
        var figures = _distribution.Figures();
        if (_history.Count > 0 && _history[^1].At >= at) _history[^1] = (_history[^1].At, figures);
        else _history.Add((at, figures));
    }

    private ConcentrationFigures FiguresAt(long at)
    {
        int lo = 0, hi = _history.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_history[mid].At <= at) lo = mid + 1; else hi = mid;
        }
        return lo == 0 ? default : _history[lo - 1].Figures;
    }

    private void Publish() => metrics.Concentration(Token, _distribution.Figures());
}
