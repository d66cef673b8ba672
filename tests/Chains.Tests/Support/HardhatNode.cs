using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Blocktrack.Chain.Rpc;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// A `hardhat node` process on a loopback port, run from deploy/devchain's node_modules with this project's config
/// (hardhat/hardhat.config.js), killed on dispose. Ported from Chain.Tests with a chain id and a port of one's choosing,
/// so a chain can be stopped and a fresh one started in its place.
/// </summary>
public sealed class HardhatNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _stateDir;

    private HardhatNode(Process process, long chainId, int port, string stateDir)
    {
        _process = process;
        _stateDir = stateDir;
        ChainId = chainId;
        Port = port;
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
    }

    public long ChainId { get; }

    public int Port { get; }

    public Uri Endpoint { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<HardhatNode> StartAsync(long chainId, int port, TimeSpan timeout)
    {
        var devchain = RepoRoot.File("deploy", "devchain");
        var cli = Path.Combine(devchain, "node_modules", "hardhat", "internal", "cli", "cli.js");
        if (!File.Exists(cli))
            throw new InvalidOperationException("deploy/devchain/node_modules has no Hardhat, so the chain tests cannot start a node: run `npm ci --prefix deploy/devchain` from the repository root.");

        var stateDir = Directory.CreateTempSubdirectory("blocktrack-chains-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = devchain,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var config = Path.Combine(AppContext.BaseDirectory, "hardhat", "hardhat.config.js");
        foreach (var arg in new[] { cli, "--config", config, "node", "--hostname", "127.0.0.1", "--port", port.ToString() })
            start.ArgumentList.Add(arg);
        start.Environment["CHAIN_ID"] = chainId.ToString();
        start.Environment["DEVCHAIN_STATE_DIR"] = stateDir;
        start.Environment["HARDHAT_DISABLE_TELEMETRY_PROMPT"] = "true";
        start.Environment["CI"] = "true";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start `node` ({e.Message}); install Node.js 20+.", e);
        }
        var node = new HardhatNode(process, chainId, port, stateDir);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilReadyAsync(timeout);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client that gives up quickly, so a failing test does not sit in backoff.</summary>
    public JsonRpcClient NewRpc() => new(new JsonRpcClientOptions(Endpoint)
    {
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(400),
        RequestTimeout = TimeSpan.FromSeconds(20),
    });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_stateDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var probe = new JsonRpcClient(new JsonRpcClientOptions(Endpoint) { MaxAttempts = 1, RequestTimeout = TimeSpan.FromSeconds(2) });
        var eth = new EthClient(probe);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"hardhat node exited with {_process.ExitCode} before answering:\n{Output}");
            try
            {
                var chainId = await eth.ChainIdAsync();
                if (chainId != ChainId)
                    throw new InvalidOperationException($"Port {Port} answered with chain id {chainId}, not {ChainId}: another node?");
                return;
            }
            catch (JsonRpcTransportException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"hardhat node did not answer eth_chainId within {timeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}
