using System.Diagnostics;
using System.Diagnostics.Metrics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains;

/// <summary>Our own instruments: ballots accepted and refused by reason, proposals by state, execution outcomes.</summary>
public sealed class GovernanceMetrics : IDisposable
{
    public const string MeterName = "Blocktrack.Governance";
    public const string SourceName = "Blocktrack.Governance";

    public static readonly ActivitySource Source = new(SourceName);

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _refused;
    private readonly UpDownCounter<long> _proposals;
    private readonly Counter<long> _executions;

    public GovernanceMetrics(IMeterFactory factory)
    {
        _meter = factory.Create(MeterName);
        _accepted = _meter.CreateCounter<long>("blocktrack.ballots.accepted", "{ballot}", "Ballots counted");
        _refused = _meter.CreateCounter<long>("blocktrack.ballots.refused", "{ballot}", "Ballots refused, by reason");
        _proposals = _meter.CreateUpDownCounter<long>("blocktrack.proposals", "{proposal}", "Proposals by lifecycle state");
        _executions = _meter.CreateCounter<long>("blocktrack.executions", "{execution}", "Proposal executions, by outcome");
    }

    public void BallotAccepted() => _accepted.Add(1);

    public void BallotRefused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Moves one proposal from <paramref name="from"/> (null when new) to <paramref name="to"/>.</summary>
    public void ProposalMoved(ProposalState? from, ProposalState to)
    {
        if (from is { } f) _proposals.Add(-1, new KeyValuePair<string, object?>("state", f.ToString()));
        _proposals.Add(1, new KeyValuePair<string, object?>("state", to.ToString()));
    }

    public void Executed(bool succeeded) =>
        _executions.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public void Dispose() => _meter.Dispose();
}
