using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Blocktrack.Chain.Rpc;
using Blocktrack.Chain.Tests.Support;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.JsonRpc.Client;

namespace Blocktrack.Chain.Tests;

/// <summary>Retry, error and chunking behaviour of Nethereum's client on our resilience pipeline, against scripted HTTP answers.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ResilientRpcTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:1/");

    private static Nethereum.Web3.Web3 Web3(FakeRpcHandler handler, int attempts = 4) => new(ResilientRpc.Create(new RpcOptions(Endpoint)
    {
        MaxAttempts = attempts, InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5),
        RequestTimeout = TimeSpan.FromMilliseconds(500),
    }, handler));

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Overload_statuses_are_retried_until_an_answer_comes(HttpStatusCode status)
    {
        var handler = new FakeRpcHandler((request, call) =>
            call < 3 ? FakeRpcHandler.Status(status) : FakeRpcHandler.Result(request, "0x64aba"));
        Assert.Equal(412346, (long)(await Web3(handler).Eth.ChainId.SendRequestAsync()).Value);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Retry_after_is_honoured()
    {
        var handler = new FakeRpcHandler((request, call) => call == 1
            ? new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(1)) } }
            : FakeRpcHandler.Result(request, "0x1"));
        var clock = Stopwatch.StartNew();
        await Web3(handler).Eth.Blocks.GetBlockNumber.SendRequestAsync();
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}, not the 1 s the node asked for");
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Persistent_failures_end_in_an_error_after_every_attempt()
    {
        var handler = new FakeRpcHandler((_, _) => FakeRpcHandler.Status(HttpStatusCode.ServiceUnavailable));
        var eth = Web3(handler, attempts: 3).Eth;
        var e = await Assert.ThrowsAsync<RpcClientUnknownException>(() => eth.Blocks.GetBlockNumber.SendRequestAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.IsType<HttpRequestException>(e.InnerException).StatusCode);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task A_node_that_does_not_answer_in_time_is_retried_then_an_error()
    {
        var handler = new FakeRpcHandler((request, _) => FakeRpcHandler.Result(request, "0x1")) { Delay = TimeSpan.FromSeconds(5) };
        var e = await Assert.ThrowsAnyAsync<Exception>(() => Web3(handler, attempts: 2).Eth.Blocks.GetBlockNumber.SendRequestAsync());
        Assert.True(e is RpcClientUnknownException or RpcClientTimeoutException, e.ToString());
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Error_objects_are_not_retried()
    {
        var handler = new FakeRpcHandler((request, _) => FakeRpcHandler.Error(request, -32601, "the method eth_foo does not exist"));
        var e = await Assert.ThrowsAsync<RpcResponseException>(() => Web3(handler).Eth.ChainId.SendRequestAsync());
        Assert.Equal(1, handler.Calls);
        Assert.Equal(-32601, e.RpcError.Code);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public async Task A_reverted_call_carries_its_decoded_reason()
    {
        var revert = "0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000004"
            + "6e6f706500000000000000000000000000000000000000000000000000000000";
        var handler = new FakeRpcHandler((request, _) => FakeRpcHandler.Error(request, 3, "execution reverted: nope", revert));
        const string abi = """[{"type":"function","name":"f","inputs":[],"outputs":[]}]""";
        var contract = Web3(handler).Eth.GetContract(abi, "0x0000000000000000000000000000000000000001");
        // Nethereum turns the revert into its exception on the contract path (a plain eth_call throws RpcResponseException).
        var e = await Assert.ThrowsAsync<SmartContractRevertException>(() => contract.GetFunction("f").CallDecodingToDefaultAsync());
        Assert.Equal(1, handler.Calls);
        Assert.Equal("nope", e.RevertMessage);
    }

    [Fact]
    public async Task Client_errors_without_a_json_rpc_body_are_not_retried()
    {
        var handler = new FakeRpcHandler((_, _) => FakeRpcHandler.Status(HttpStatusCode.Unauthorized, "missing api key"));
        var e = await Assert.ThrowsAsync<RpcClientUnknownException>(() => Web3(handler).Eth.ChainId.SendRequestAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, Assert.IsType<HttpRequestException>(e.InnerException).StatusCode);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Log_ranges_are_chunked_and_halved_when_the_node_refuses_them()
    {
        const int nodeLimit = 3;
        var served = new List<(long From, long To)>();
        var handler = new FakeRpcHandler((request, _) =>
        {
            var filter = request["params"]![0]!;
            var (from, to) = (Quantity(filter["fromBlock"]), Quantity(filter["toBlock"]));
            if (to - from + 1 > nodeLimit)
                return FakeRpcHandler.Error(request, -32602, $"block range too large: {to - from + 1} > {nodeLimit}");
            served.Add((from, to));
            // One log per block, so the result shows exactly which blocks were covered.
            var logs = Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => (JsonNode)Log(n));
            return FakeRpcHandler.Result(request, new JsonArray([.. logs]));
        });

        var logs = await LogRanges.GetLogsAsync(Web3(handler).Eth, 5, 27, [], [], maxBlockRange: 10);

        Assert.Equal(Enumerable.Range(5, 23).Select(n => (long)n), logs.Select(l => (long)l.BlockNumber.Value));
        Assert.All(served, c => Assert.InRange(c.To - c.From + 1, 1, nodeLimit));
        Assert.Equal(served.Skip(1).Select(c => c.From), served.SkipLast(1).Select(c => c.To + 1));
        // 10 → 5 → 2 after two refusals, then never refused again.
        Assert.Equal(2 + served.Count, handler.Calls);
    }

    [Fact]
    public async Task A_single_block_that_is_still_too_large_surfaces_the_error()
    {
        var handler = new FakeRpcHandler((request, _) => FakeRpcHandler.Error(request, -32005, "query returned more than 10000 results"));
        var eth = Web3(handler).Eth;
        var e = await Assert.ThrowsAsync<RpcResponseException>(() => LogRanges.GetLogsAsync(eth, 0, 3, [], [], maxBlockRange: 4));
        Assert.Equal(-32005, e.RpcError.Code);
        Assert.Equal(3, handler.Calls);
    }

    private static long Quantity(JsonNode? hex) => long.Parse(((string)hex!)[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static JsonObject Log(int block) => new()
    {
        ["address"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        ["topics"] = new JsonArray("0xDDF252AD1BE2C89B69C2B068FC378DAA952BA7F163C4A11628F55A4DF523B3EF"),
        ["data"] = "0x",
        ["blockNumber"] = $"0x{block:x}",
        ["blockHash"] = Hex.ToHex(Keccak256.Hash($"block {block}")),
        ["transactionHash"] = Hex.ToHex(Keccak256.Hash($"tx {block}")),
        ["transactionIndex"] = "0x0",
        ["logIndex"] = "0x0",
        ["removed"] = false,
    };
}
