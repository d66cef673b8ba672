namespace Blocktrack.Gateway;

/// <summary>The startup lines about chain mirroring: each configured chain and its watcher, or that there is none.</summary>
public static class ChainBanner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan FirstPollWait = TimeSpan.FromSeconds(5);

    /// <summary>Asks the cluster (not this process's configuration: a client-only Gateway has none) and prints the answer.</summary>
    public static async Task PrintAsync(IGrainFactory grains, TimeProvider time, TextWriter output)
    {
        try
        {
            // Watchers start with the silo and poll at once; give them a moment so the lines say how that went.
            var deadline = DateTimeOffset.UtcNow + FirstPollWait;
            var chains = await ChainHealth.All(grains, time).WaitAsync(Timeout);
            while (chains.Any(c => c.Watcher is { LastPollAt: null }) && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200);
                chains = await ChainHealth.All(grains, time).WaitAsync(Timeout);
            }
            foreach (var line in Lines(chains)) await output.WriteLineAsync(line);
        }
        catch (Exception e)
        {
            await output.WriteLineAsync(
                $"Chains: could not ask the cluster which chains it mirrors ({e.GetType().Name}: {e.Message}); see GET /chains");
        }
    }

    public static IEnumerable<string> Lines(IReadOnlyList<ChainView> chains)
    {
        if (chains.Count == 0)
        {
            yield return "Chains: no chains configured: running without chain mirroring "
                + "(configure the Chains section to mirror BTK and Governors)";
            yield break;
        }
        foreach (var c in chains)
        {
            var tokens = string.Join(", ", c.Tokens.Select(t => $"{t.Token} {t.Address}"));
            var governors = c.Governors.IsDefaultOrEmpty
                ? ""
                : " | governors " + string.Join(", ", c.Governors.Select(g => $"{g.Dao} {g.Address}"));
            var escrows = c.Escrows.IsDefaultOrEmpty
                ? ""
                : " | escrows " + string.Join(", ", c.Escrows.Select(e => $"{e.Token} {e.Address}"));
            var watcher = c.Watcher is { } w
                ? c.Healthy
                    ? $"watcher cursor {w.Cursor} of head {w.Head}, {w.LogsApplied} logs mirrored"
                    : $"watcher starting: {c.Problem}"
                : $"watcher: {c.Problem}";
            yield return $"Chain {c.ChainId} ({c.Name}) at {c.Endpoint}, {c.Confirmations} confirmations"
                + $" | tokens {tokens}{governors}{escrows} | {watcher}";
        }
    }
}
