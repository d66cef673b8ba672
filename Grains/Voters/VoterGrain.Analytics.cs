using Blocktrack.Grains.Interfaces;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Voters;

/// <summary>
/// The voter's side of the power distribution analytics keeps per token: its own latest delegated votes, noted with a
/// version in the same write as the change that moved them, then sent. The distribution applies a version once and ignores
/// older ones, so a resend (the next activation resends what it has not confirmed) changes nothing twice.
/// </summary>
public sealed partial class VoterGrain
{
    private static readonly TimeSpan FeedRetry = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, long> _confirmed = new(StringComparer.Ordinal);
    private IGrainTimer? _feedRetry;

    private async Task SaveAndFeed()
    {
        var changed = NotePowerChanges();
        await state.WriteStateAsync();
        if (changed) _ = FeedPower();
    }

    /// <summary>Gives a token whose latest votes moved a new version (before the write, so it is saved with the change).</summary>
    private bool NotePowerChanges()
    {
        var changed = false;
        foreach (var (token, position) in S.Tokens)
        {
            var votes = LatestVotes(position);
            var last = S.PowerReports.GetValueOrDefault(token);
            if (last is null ? votes.IsZero : last.Power == votes) continue;
            S.PowerReports[token] = new() { Version = (last?.Version ?? 0) + 1, Power = votes };
            changed = true;
        }
        foreach (var (token, report) in S.PowerReports)
        {
            // A confirmation learnt since the last write is saved with this one.
            if (!report.Confirmed && _confirmed.GetValueOrDefault(token) >= report.Version) report.Confirmed = true;
        }
        return changed;
    }

    private async Task FeedPower()
    {
        foreach (var (token, report) in S.PowerReports.ToList())
        {
            if (report.Confirmed || _confirmed.GetValueOrDefault(token) >= report.Version) continue;
            try
            {
                await relay.Report(token, Address, report.Version, report.Power);
                if (_confirmed.GetValueOrDefault(token) < report.Version) _confirmed[token] = report.Version;
            }
            catch (Exception e)
            {
                log.PowerFeedRetry(e, Address, token, report.Version);
                _feedRetry?.Dispose();
                _feedRetry = this.RegisterGrainTimer(static (g, _) => g.FeedPower(), this,
                    new GrainTimerCreationOptions { DueTime = FeedRetry, Period = Timeout.InfiniteTimeSpan, Interleave = true });
                return;
            }
        }
    }
}
