using System.Diagnostics;
using System.Text;
using Blocktrack.Chain.Rpc;
using Nethereum.JsonRpc.Client;

namespace Blocktrack.Tests.Support;

/// <summary>
/// A `hardhat node` process on a loopback port, run from deploy/devchain's node_modules (optionally with a config of
/// the test project's), killed on dispose. Chain id and port are the caller's, so a chain can be stopped and a fresh
/// one started in its place.
/// </summary>
public sealed class HardhatNode : IAsyncDisposable
{
    /// <summary>The dev L3's chain id, the default of the devchain's own hardhat config.</summary>
    public const long DefaultChainId = 412346;

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

    public static async Task<HardhatNode> StartAsync(long chainId, int port, TimeSpan timeout, string? config = null)
    {
        var cli = Path.Combine(NodeScript.DevchainModules, "hardhat", "internal", "cli", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"deploy/devchain/node_modules has no Hardhat, so the chain tests cannot start a node: {NodeScript.InstallHint}.");
        }

        var stateDir = Directory.CreateTempSubdirectory("blocktrack-chains-").FullName;
        string[] configArgs = config is null ? [] : ["--config", config];
        var process = NodeScript.Start(cli, new NodeRun
        {
            WorkingDirectory = NodeScript.Devchain,
            Arguments = [.. configArgs, "node", "--hostname", "127.0.0.1", "--port", port.ToString()],
            Environment = new Dictionary<string, string>
            {
                ["CHAIN_ID"] = chainId.ToString(),
                ["DEVCHAIN_STATE_DIR"] = stateDir,
                ["HARDHAT_DISABLE_TELEMETRY_PROMPT"] = "true",
                ["CI"] = "true",
            },
        });
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

    /// <summary>Test access to this node (a client that gives up quickly, so a failing test does not sit in backoff).</summary>
    public DevChain NewChain(int maxAttempts = 3) => new(Endpoint, ChainId, maxAttempts);

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
        var eth = ResilientRpc.Web3(new RpcOptions(Endpoint) { MaxAttempts = 1, RequestTimeout = TimeSpan.FromSeconds(2) }).Eth;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"hardhat node exited with {_process.ExitCode} before answering:\n{Output}");
            try
            {
                var chainId = (long)(await eth.ChainId.SendRequestAsync()).Value;
                if (chainId != ChainId)
                    throw new InvalidOperationException($"Port {Port} answered with chain id {chainId}, not {ChainId}: another node?");
                return;
            }
            catch (Exception e) when (e is RpcClientUnknownException or RpcClientTimeoutException)
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
