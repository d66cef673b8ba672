using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Blocktrack.Chain.Tests.Support;

/// <summary>An HTTP handler that answers JSON-RPC requests with whatever the test scripts, and counts them.</summary>
internal sealed class FakeRpcHandler(Func<JsonObject, int, HttpResponseMessage> answer) : HttpMessageHandler
{
    private int _calls;

    public int Calls => _calls;

    public List<JsonObject> Requests { get; } = [];

    /// <summary>How long each answer takes; cancellation (the client's timeout) cuts it short, as with a real socket.</summary>
    public TimeSpan Delay { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        lock (Requests)
            Requests.Add(body);
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, cancellationToken);
        return answer(body, Interlocked.Increment(ref _calls));
    }

    public static HttpResponseMessage Result(JsonObject request, JsonNode? result) =>
        Json(HttpStatusCode.OK, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]!.DeepClone(), ["result"] = result });

    public static HttpResponseMessage Error(JsonObject request, int code, string message, JsonNode? data = null) =>
        Json(HttpStatusCode.OK, new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = request["id"]!.DeepClone(),
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["data"] = data },
        });

    public static HttpResponseMessage Status(HttpStatusCode status, string body = "") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
