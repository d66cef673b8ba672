using System.Net;
using System.Text.Json.Nodes;
using Blocktrack.Chain.Rpc;
using Blocktrack.Chain.Tests.Support;

namespace Blocktrack.Chain.Tests;

/// <summary>Retry, error and chunking behaviour of the JSON-RPC client against scripted HTTP answers.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class JsonRpcClientTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:1/");

    private static JsonRpcClient Client(FakeRpcHandler handler, int attempts = 4) => new(new HttpClient(handler), new JsonRpcClientOptions(Endpoint)
    {
        MaxAttempts = attempts,
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(5),
        RequestTimeout = TimeSpan.FromMilliseconds(500),
    });

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Overload_statuses_are_retried_until_an_answer_comes(HttpStatusCode status)
    {
        var handler = new FakeRpcHandler((request, call) => call < 3 ? FakeRpcHandler.Status(status) : FakeRpcHandler.Result(request, "0x64aba"));
        var chainId = await new EthClient(Client(handler)).ChainIdAsync();
        Assert.Equal(412346, chainId);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Persistent_failures_end_in_a_transient_exception_after_every_attempt()
    {
        var handler = new FakeRpcHandler((_, _) => FakeRpcHandler.Status(HttpStatusCode.ServiceUnavailable));
        var e = await Assert.ThrowsAsync<JsonRpcTransientException>(() => Client(handler, attempts: 3).RequestAsync("eth_blockNumber", [], CancellationToken.None));
        Assert.Equal(3, e.Attempts);
        Assert.Equal(503, e.HttpStatus);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task A_node_that_does_not_answer_in_time_is_a_transient_failure()
    {
        var handler = new FakeRpcHandler((request, _) => FakeRpcHandler.Result(request, "0x1")) { Delay = TimeSpan.FromSeconds(5) };
        var e = await Assert.ThrowsAsync<JsonRpcTransientException>(() => Client(handler, attempts: 2).RequestAsync("eth_blockNumber", [], CancellationToken.None));
        Assert.Contains("no answer within", e.Message);
    }

    [Fact]
    public async Task Error_objects_are_not_retried_and_carry_the_decoded_revert()
    {
        // Hardhat nests the revert bytes under data.data.
        var revert = "0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000004" + "6e6f706500000000000000000000000000000000000000000000000000000000";
        var handler = new FakeRpcHandler((request, _) => FakeRpcHandler.Error(request, -32603, "Error: VM Exception while processing transaction: reverted with reason string 'nope'",
            new JsonObject { ["message"] = "reverted", ["data"] = revert }));
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => new EthClient(Client(handler)).CallAsync(new CallRequest("0x0000000000000000000000000000000000000001")));
        Assert.Equal(1, handler.Calls);
        Assert.Equal(-32603, e.Code);
        Assert.Equal("nope", e.Revert?.Message);
        Assert.True(e.IsRevert);
        Assert.Contains("revert: nope", e.Message);
    }

    [Fact]
    public async Task Client_errors_without_a_json_rpc_body_are_not_retried()
    {
        var handler = new FakeRpcHandler((_, _) => FakeRpcHandler.Status(HttpStatusCode.Unauthorized, "missing api key"));
        var e = await Assert.ThrowsAsync<JsonRpcTransportException>(() => Client(handler).RequestAsync("eth_chainId", [], CancellationToken.None));
        Assert.IsNotType<JsonRpcTransientException>(e);
        Assert.Equal(401, e.HttpStatus);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Log_ranges_are_chunked_and_halved_when_the_node_refuses_them()
    {
        const int nodeLimit = 3;
        var handler = new FakeRpcHandler((request, _) =>
        {
            var filter = request["params"]![0]!;
            var from = HexQuantity.ParseLong((string)filter["fromBlock"]!);
            var to = HexQuantity.ParseLong((string)filter["toBlock"]!);
            if (to - from + 1 > nodeLimit)
                return FakeRpcHandler.Error(request, -32602, $"block range too large: {to - from + 1} > {nodeLimit}");
            // One log per block, so the result shows exactly which blocks were covered.
            return FakeRpcHandler.Result(request, new JsonArray(Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => (JsonNode)Log(n)).ToArray()));
        });
        var eth = new EthClient(Client(handler), new EthClientOptions { LogsMaxBlockRange = 10 });

        var chunks = new List<LogChunk>();
        await foreach (var chunk in eth.GetLogChunksAsync(new LogFilter(5, 27)))
            chunks.Add(chunk);

        Assert.Equal(Enumerable.Range(5, 23).Select(n => (long)n), chunks.SelectMany(c => c.Logs).Select(l => l.BlockNumber));
        Assert.All(chunks, c => Assert.InRange(c.ToBlock - c.FromBlock + 1, 1, nodeLimit));
        Assert.Equal(chunks.Skip(1).Select(c => c.FromBlock), chunks.SkipLast(1).Select(c => c.ToBlock + 1));
        // 10 → 5 → 2 after two refusals, then never refused again.
        Assert.Equal(2 + chunks.Count, handler.Calls);
    }

    [Fact]
    public async Task A_single_block_that_is_still_too_large_surfaces_the_error()
    {
        var handler = new FakeRpcHandler((request, _) => FakeRpcHandler.Error(request, -32005, "query returned more than 10000 results"));
        var eth = new EthClient(Client(handler), new EthClientOptions { LogsMaxBlockRange = 4 });
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => eth.GetLogsAsync(new LogFilter(0, 3)));
        Assert.Equal(-32005, e.Code);
        Assert.Equal(3, handler.Calls);
    }

    private static JsonObject Log(int block) => new()
    {
        ["address"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        ["topics"] = new JsonArray("0xDDF252AD1BE2C89B69C2B068FC378DAA952BA7F163C4A11628F55A4DF523B3EF"),
        ["data"] = "0x",
        ["blockNumber"] = HexQuantity.From(block),
        ["blockHash"] = Hex.ToHex(Keccak256.Hash($"block {block}")),
        ["transactionHash"] = Hex.ToHex(Keccak256.Hash($"tx {block}")),
        ["transactionIndex"] = "0x0",
        ["logIndex"] = "0x0",
        ["removed"] = false,
    };
}
