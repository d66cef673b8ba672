using System.Globalization;
using System.Text.RegularExpressions;
using Blocktrack.Tests.Support;

namespace Blocktrack.Benchmarks;

/// <summary>Figures read from a silo's Prometheus endpoint (<c>/metrics</c>, .NET's System.Runtime meter among them).</summary>
public static class SiloMetrics
{
    /// <summary>
    /// The sum of every sample <paramref name="metric"/> matches (its first group is the value); null when the silo did not
    /// answer (a busy silo may miss a scrape) or has no such sample.
    /// </summary>
    public static async Task<double?> Sum(HttpClient http, SiloProcess silo, Regex metric)
    {
        try
        {
            var matches = metric.Matches(await http.GetStringAsync(new Uri(silo.Http, "/metrics")));
            return matches.Count == 0 ? null : matches.Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
