
namespace Blocktrack.Cluster.Tests;

/// <summary>What a storm saw around a fault: answers by kind, and how long the cluster took to serve again.</summary>
public sealed record StormFigures(
    int Ballots, int Acknowledged, int Refused, int Indeterminate, int NotSent,
    int Ok, int Replayed, int Unavailable, int NoAnswer, int ServerErrors, int UnavailableWithoutRetryAfter,
    TimeSpan? FirstOkAfterFault, TimeSpan OutageAfterFault, TimeSpan Duration)
{
    /// <summary>Counts the storm's answers; fault times are storm times (<see cref="BallotStorm.Clock"/>).</summary>
    public static StormFigures Of(BallotStorm storm, TimeSpan faultAt)
    {
        var events = storm.Events.ToList();
        var results = storm.Results;
        var firstOk = events.Where(e => e.Status == 200 && e.SentAt >= faultAt).Select(e => e.AnsweredAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var lastUnavailable = events.Where(e => e.AnsweredAt >= faultAt && (e.Status is 503 or GatewayAnswer.NoAnswer))
            .Select(e => e.AnsweredAt).DefaultIfEmpty(faultAt).Max();
        return new StormFigures(
            results.Count,
            results.Count(r => r.Outcome == StormOutcome.Acknowledged),
            results.Count(r => r.Outcome == StormOutcome.Refused),
            results.Count(r => r.Outcome == StormOutcome.Indeterminate),
            results.Count(r => r.Outcome == StormOutcome.NotSent),
            events.Count(e => e.Status == 200),
            events.Count(e => e is { Status: 409, Code: "replayed" }),
            events.Count(e => e.Status == 503),
            events.Count(e => e.Status == GatewayAnswer.NoAnswer),
            events.Count(e => e.Status >= 500 && e.Status != 503),
            events.Count(e => e is { Status: 503, HasRetryAfter: false }),
            firstOk == TimeSpan.MaxValue ? null : firstOk - faultAt,
            lastUnavailable - faultAt,
            storm.Clock.Elapsed);
    }

    /// <summary>What every fault must keep: no 5xx but 503, every 503 with Retry-After, no ballot refused.</summary>
    public void AssertNoErrorOrRefusal(BallotStorm storm, Func<string> diagnostics)
    {
        Assert.True(ServerErrors == 0, $"the Gateway answered 5xx other than 503: {this}\n{diagnostics()}");
        Assert.Equal(0, UnavailableWithoutRetryAfter);
        Assert.True(Refused == 0, "refused: " + string.Join("; ", storm.Results.Where(r => r.Outcome == StormOutcome.Refused).Take(5)
            .Select(r => $"{r.Ballot.Proposal} {r.Last.Status} {r.Last.Body}")));
    }

    public override string ToString() =>
        $"{Ballots} ballots: {Acknowledged} acknowledged, {Refused} refused, {Indeterminate} indeterminate, {NotSent} not sent; " +
        $"answers: {Ok}×200, {Replayed}×409 replayed, {Unavailable}×503, {NoAnswer}× no answer, {ServerErrors}× 5xx other than 503; " +
        $"first 200 {Seconds(FirstOkAfterFault)} after the fault, last failed attempt (503 or no answer) {OutageAfterFault.TotalSeconds:F2} s after it; " +
        $"storm took {Duration.TotalSeconds:F1} s";

    private static string Seconds(TimeSpan? t) => t is { } v ? $"{v.TotalSeconds:F2} s" : "never";
}
