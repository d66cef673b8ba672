using System.Diagnostics;
using System.Net;
using System.Text;

namespace Blocktrack.Deploy.Tests;

/// <summary>
/// What a container image of the Gateway would run, checked without a container engine: the <c>dotnet publish -c Release</c>
/// output started from its folder as an unprivileged user (<c>nobody</c> when the tests run as root, as CI does), with
/// only the data directory writable, answers its probes, keeps its data there, and exits 0 on SIGTERM.
/// </summary>
[Trait("Category", TestCategory.Deploy)]
public sealed class PublishedGatewayTests : IDisposable
{
    private const string Nobody = "65534";
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task The_published_gateway_runs_unprivileged_writing_only_its_data_directory_and_exits_0_on_sigterm()
    {
        var app = Path.Combine(root.Path, "app");
        var data = Path.Combine(root.Path, "data");
        (await Command.Run("dotnet", ["publish", RepoRoot.File("Gateway", "Gateway.csproj"), "-c", "Release", "-o", app, "--nologo", "-v", "q"],
            timeout: TimeSpan.FromMinutes(8))).Succeeded("dotnet publish -c Release Gateway");
        Directory.CreateDirectory(data);
        var asRoot = Environment.UserName == "root";
        if (asRoot && !OperatingSystem.IsWindows())
        {
            // The app folder stays root's (read-only to nobody, as a read-only root filesystem is); only data is nobody's.
            File.SetUnixFileMode(root.Path, (UnixFileMode)Convert.ToInt32("755", 8));
            (await Command.Run("chown", [$"{Nobody}:{Nobody}", data])).Succeeded("chown");
        }
        var published = Snapshot(app);

        var port = FreePort.Next();
        using var gateway = Start(app, asRoot, new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Orleans__Profile"] = "embedded",
            ["Orleans__DataDirectory"] = data,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
            ["Gateway__OperatorApiKey"] = "published-test-key",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await Eventually.Until(() => Status(http, "/healthz"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "/healthz");
            await Eventually.Until(() => Status(http, "/readyz"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "/readyz");
            if (asRoot) Assert.Equal(Nobody, Uid(gateway.Process.Id));

            // Something durable, so the data directory is proven writable and used.
            var fed = new HttpRequestMessage(HttpMethod.Post, $"/voters/{TestKey.Alice.Address}/balances")
            {
                Content = new StringContent($$"""{ "token": "btk", "timepoint": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1}}, "balance": "5" }""",
                    Encoding.UTF8, "application/json"),
            };
            fed.Headers.Add("X-Api-Key", "published-test-key");
            var answer = await http.SendAsync(fed);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());

            (await Command.Run("kill", ["-TERM", gateway.Process.Id.ToString()])).Succeeded("kill -TERM");
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await gateway.Process.WaitForExitAsync(limit.Token);
            Assert.True(gateway.Process.ExitCode == 0, $"exit code {gateway.Process.ExitCode}\n{gateway.Output}");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n--- published Gateway ---\n{gateway.Output}");
        }

        Assert.Equal(published, Snapshot(app));
        Assert.True(File.Exists(Path.Combine(data, "governance.db")), "no governance.db in the data directory");
        Assert.DoesNotContain("Unhandled exception", gateway.Output);
    }

    private static async Task<HttpStatusCode> Status(HttpClient http, string path)
    {
        try
        {
            return (await http.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>Every file of the folder with its size and time: any write by the app shows.</summary>
    private static string Snapshot(string folder) => string.Join('\n', Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(f => $"{f} {(File.Exists(f) ? new FileInfo(f).Length : -1)} {File.GetLastWriteTimeUtc(f):O}"));

    private static string Uid(int pid) =>
        File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];

    private static Running Start(string app, bool asRoot, Dictionary<string, string> environment)
    {
        var dll = Path.Combine(app, "Blocktrack.Gateway.dll");
        // setpriv execs dotnet in place, so the PID signalled below is the app's own.
        var start = asRoot
            ? new ProcessStartInfo("setpriv") { ArgumentList = { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--", AppBinaries.DotnetHost, dll } }
            : new ProcessStartInfo(AppBinaries.DotnetHost) { ArgumentList = { dll } };
        start.WorkingDirectory = app;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return new Running(Process.Start(start)!);
    }

    private sealed class Running : IDisposable
    {
        private readonly StringBuilder output = new();

        public Running(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (output) return output.ToString();
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
        }
    }
}
