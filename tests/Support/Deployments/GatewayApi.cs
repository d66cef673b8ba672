using System.Net.Http.Headers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Tests.Support;

/// <summary>
/// The Gateway's HTTP API as a client uses it. <see cref="Send"/> reports every answer as it is; the setup helpers
/// (<see cref="Expect"/>) retry while the cluster is unavailable and fail on anything but the expected status.
/// </summary>
public sealed class GatewayApi(Uri baseAddress, string operatorKey, int connections = 64) : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// One request, one answer; a transport failure, or no answer within <paramref name="timeout"/>, is answered as
    /// <see cref="GatewayAnswer.NoAnswer"/> (the request may still be processed, as when a wallet gives up waiting).
    /// </summary>
    public async Task<GatewayAnswer> Send(
        HttpMethod method, string path, string? json = null, bool asOperator = false, TimeSpan? timeout = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, JsonType);
        if (asOperator) request.Headers.Add("X-Api-Key", operatorKey);
        using var giveUp = new CancellationTokenSource(timeout ?? Timeout.InfiniteTimeSpan);
        try
        {
            using var response = await _http.SendAsync(request, giveUp.Token);
            var body = await response.Content.ReadAsStringAsync(giveUp.Token);
            return new GatewayAnswer((int)response.StatusCode, CodeOf(response, body), response.Headers.RetryAfter is not null, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new GatewayAnswer(GatewayAnswer.NoAnswer, null, false, e.Message);
        }
    }

    /// <summary>Sends until the answer is not "unavailable" (a bounded number of times), then requires <paramref name="status"/>.</summary>
    public async Task<JsonElement> Expect(int status, HttpMethod method, string path, string? json = null, bool asOperator = false)
    {
        GatewayAnswer answer = default;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            answer = await Send(method, path, json, asOperator);
            if (!answer.IsUnavailable) break;
            await Task.Delay(500);
        }
        if (answer.Status != status)
            throw new InvalidOperationException($"{method} {path}: expected {status}, got {answer.Status} {answer.Body}");
        return JsonDocument.Parse(answer.Body).RootElement.Clone();
    }

    public Task<JsonElement> Get(string path) => Expect(200, HttpMethod.Get, path);

    public Task<JsonElement> CreateDao(string path, JsonObject request) =>
        Expect(201, HttpMethod.Post, "/daos", new JsonObject { ["path"] = path, ["request"] = request }.ToJsonString(), asOperator: true);

    public Task<JsonElement> FeedBalance(string address, string token, long timepoint, BigInteger balance) =>
        Expect(200, HttpMethod.Post, $"/voters/{address}/balances",
            new JsonObject { ["token"] = token, ["timepoint"] = timepoint, ["balance"] = balance.ToString() }.ToJsonString(), asOperator: true);

    public Task<JsonElement> Delegate(string address, SignedMessage delegation) =>
        Expect(200, HttpMethod.Post, $"/voters/{address}/delegate", delegation.Body);

    /// <summary>Submits a signed proposal; returns its id.</summary>
    public async Task<string> Propose(string dao, SignedMessage proposal) =>
        (await Expect(201, HttpMethod.Post, $"/daos/{dao}/proposals", proposal.Body)).GetProperty("id").GetString()!;

    /// <summary>One attempt at a signed ballot.</summary>
    public Task<GatewayAnswer> Vote(string proposal, SignedMessage ballot, TimeSpan? timeout = null) =>
        Send(HttpMethod.Post, $"/proposals/{proposal}/ballots", ballot.Body, timeout: timeout);

    /// <summary>Many signed ballots in one request to <c>POST /ballot-batches</c> (each names its proposal).</summary>
    public Task<GatewayAnswer> VoteBatch(IEnumerable<SignedMessage> ballots, TimeSpan? timeout = null) =>
        Send(HttpMethod.Post, "/ballot-batches", "{\"ballots\":[" + string.Join(",", ballots.Select(b => b.Body)) + "]}", timeout: timeout);

    public void Dispose() => _http.Dispose();

    private static string? CodeOf(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return null;
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
