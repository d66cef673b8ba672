using System.Text.Json;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The web app's end-to-end flows (web/tests/browser-flows.mjs) in headless Chromium driven by playwright-core, against
/// this test's Gateway with an embedded silo on SQLite, as the README's main command runs it. The test owns the
/// governance clock: it follows real time (the page signs with the browser's clock) and jumps when the script asks, so
/// the voting delay, the voting period and the timelock pass in seconds.
/// </summary>
[Trait("Category", TestCategory.Browser)]
public sealed class BrowserFlowTests : IAsyncLifetime
{
    private static readonly string Web = RepoRoot.File("web");
    private static readonly string Artifacts = RepoRoot.File("TestResults", "browser");

    private readonly EmbeddedGateway host = new();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Operators_delegates_and_voters_govern_through_the_web_app_in_a_real_browser()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
            Assert.Fail($"{chromium} is missing, so the browser tests cannot run: install Debian's chromium (apt-get install chromium).");
        if (!Directory.Exists(Path.Combine(Web, "node_modules", "playwright-core")))
            Assert.Fail("web/node_modules is missing: build the Gateway (its build runs npm ci in web/).");

        // Screenshots of this run only (a failed run leaves failure-*.png beside them).
        if (Directory.Exists(Artifacts)) Directory.Delete(Artifacts, recursive: true);
        var gateway = host.Gateway;
        using var process = NodeScript.Start(Path.Combine("tests", "browser-flows.mjs"), new NodeRun
        {
            WorkingDirectory = Web,
            Input = "",
            Environment = new Dictionary<string, string>
            {
                ["GATEWAY"] = gateway.Http.BaseAddress!.ToString().TrimEnd('/'),
                ["OPERATOR_KEY"] = GatewayFixture.OperatorKey,
                ["CHAIN_ID"] = GatewayFixture.ChainId.ToString(),
                ["CHROMIUM"] = chromium,
                ["ARTIFACTS"] = Artifacts,
                ["DIST"] = Path.Combine(AppContext.BaseDirectory, WebApp.Folder),
            },
        });
        var stderr = process.StandardError.ReadToEndAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var follow = FollowRealTime(gateway, stop.Token);

        string? last = null;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.StartsWith("clock ", StringComparison.Ordinal))
                {
                    gateway.Clock.Advance(TimeSpan.FromSeconds(int.Parse(line["clock ".Length..])));
                    await process.StandardInput.WriteLineAsync("ok");
                    await process.StandardInput.FlushAsync();
                }
                else
                {
                    last = line;
                }
            }
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the browser flows did not finish within 5 minutes:\n{await stderr}");
        }
        finally
        {
            await stop.CancelAsync();
            await follow;
        }

        var log = await stderr;
        Assert.True(process.ExitCode == 0 && last is not null, $"the browser flows failed (exit {process.ExitCode}):\n{log}\n{last}");
        using var result = JsonDocument.Parse(last!);
        Assert.True(result.RootElement.GetProperty("ok").GetBoolean(), log);
        var steps = result.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Equal(ExpectedSteps, steps);
        Directory.CreateDirectory(Artifacts);
        await File.WriteAllTextAsync(Path.Combine(Artifacts, "results.json"), last);
        foreach (var page in (string[])["home", "operator", "voter", "dao", "proposal", "proposal-phone",
                     "voter-ballots", "proposal-moderated", "treasury-onchain", "audit"])
            Assert.True(File.Exists(Path.Combine(Artifacts, page + ".png")), $"no screenshot of the {page} page");
    }

    private static readonly string[] ExpectedSteps =
    [
        "found a DAO on the operator page",
        "feed power",
        "delegate",
        "committee change",
        "propose",
        "cancel a pending proposal",
        "proposal page renders Markdown safely and actions in words",
        "vote 1 (bob, For) seen live",
        "vote 2 (carol, Against) seen live",
        "vote 3 (alice, For) by keyboard only, seen live",
        "forged and repeated actions refused with their detail",
        "undelegate",
        "a replayed delegation refused with its detail",
        "503 banner shown and cleared by its retry",
        "the guardian vetoes a queued proposal",
        "the proposal executes and the page shows it",
        "treasury paid and the grant program funded",
        "a grant applied for, approved, delivered and paid",
        "the DAO tree lists the founded DAO",
        "a voter's ballots across proposals",
        "a moderator appointed hides a reason, shown hidden",
        "a personhood attestation and its lookup",
        "the on-chain treasury view",
        "the audit log listed, filtered and verified",
        "phone width and time to interactive",
    ];

    /// <summary>
    /// Keeps the governance clock at least at real time: the page signs with the browser's clock, which must stay inside
    /// the Gateway's freshness window (one minute ahead at most) while the script runs.
    /// </summary>
    private static async Task FollowRealTime(GatewayFixture gateway, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var behind = DateTimeOffset.UtcNow - gateway.Clock.GetUtcNow();
                if (behind > TimeSpan.Zero) gateway.Clock.Advance(behind);
            }
        }
        catch (OperationCanceledException)
        {
            // The script has finished.
        }
    }
}
