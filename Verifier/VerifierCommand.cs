using System.Text.RegularExpressions;
using Blocktrack.Chain;

namespace Blocktrack.Verifier;

/// <summary>
/// <c>verify &lt;gateway-url&gt; &lt;proposal-id&gt;</c>: downloads a closed proposal, audits it and prints a per-check
/// report and a verdict. Exit codes: <see cref="Verified"/>, <see cref="Mismatch"/>, <see cref="Usage"/>,
/// <see cref="CouldNotRun"/>.
/// </summary>
public static partial class VerifierCommand
{
    public const int Verified = 0;
    public const int Mismatch = 1;
    public const int Usage = 2;
    public const int CouldNotRun = 3;

    /// <summary>How many offending items the report lists per check; the counts are always complete.</summary>
    public const int MaxDetails = 20;

    public const string UsageText = """
        usage: verify <gateway-url> <proposal-id>
          e.g. dotnet run --project Verifier -- verify http://127.0.0.1:5080 blocktrack/1
        Re-checks a closed proposal through the Gateway's public API: every ballot's EIP-712 digest and signature, its
        weight against the voter's power at the snapshot, the recount, the shard roots, the ballot-set hash and the anchor.
        exit codes: 0 verified, 1 a check failed, 2 usage, 3 could not run (Gateway unreachable, vote still open, ...)
        """;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}(/[a-z][a-z0-9-]{0,39}){0,3}/[0-9]{1,18}$")]
    private static partial Regex ProposalId();

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancel, HttpMessageHandler? handler = null)
    {
        if (args.Length != 3 || args[0] != "verify"
            || !Uri.TryCreate(args[1], UriKind.Absolute, out var gateway) || gateway.Scheme is not ("http" or "https")
            || !ProposalId().IsMatch(args[2]))
        {
            await output.WriteLineAsync(UsageText);
            return Usage;
        }
        var proposal = args[2];
        using var http = new HttpClient(handler ?? new HttpClientHandler(), disposeHandler: handler is null)
        {
            BaseAddress = new Uri(gateway.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        await output.WriteLineAsync($"Verifying proposal {proposal} at {http.BaseAddress}");
        ProposalEvidence evidence;
        try
        {
            evidence = await new GatewayClient(http).DownloadAsync(proposal, cancel);
        }
        catch (CannotVerifyException e)
        {
            await output.WriteLineAsync($"could not run: {e.Message}");
            return CouldNotRun;
        }
        var info = evidence.Proposal;
        await output.WriteLineAsync($"  {info.State.ToString().ToLowerInvariant()}, class '{info.Class.Name}' ({info.Class.Counting}), "
                                    + $"{evidence.Ballots.Length} ballots in {info.BallotShards} shards, "
                                    + $"ballot-set hash {info.BallotSetHash}");
        var report = Audit.Check(evidence, SignatureRecovery.CreateFastest());
        await Print(report, output);
        return report.Verified ? Verified : Mismatch;
    }

    public static async Task Print(AuditReport report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            var mark = finding.Status switch { FindingStatus.Passed => "ok", FindingStatus.Failed => "FAIL", _ => "skip" };
            await output.WriteLineAsync($"[{mark,-4}] {finding.Check,-16} {finding.Summary}");
            foreach (var detail in finding.Details.Take(MaxDetails)) await output.WriteLineAsync($"         - {detail}");
            if (finding.Details.Length > MaxDetails)
                await output.WriteLineAsync($"         … and {finding.Details.Length - MaxDetails} more");
        }
        var failed = report.Findings.Count(f => f.Status == FindingStatus.Failed);
        await output.WriteLineAsync(failed == 0
            ? $"verdict: VERIFIED — {report.Proposal} matches everything the Gateway published"
            : $"verdict: NOT VERIFIED — {failed} of {report.Findings.Length} checks failed for {report.Proposal}");
    }
}
