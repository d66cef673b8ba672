using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// A Gateway stopping as on SIGTERM: a ballot already in flight (its body still arriving) runs to its real answer,
/// while new requests get 503 shutting-down with Retry-After for the whole drain delay.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class DrainTests : IAsyncLifetime
{
    private readonly GatewayFixture gateway = GatewayFixture.With(new Dictionary<string, string?>
    {
        ["Shutdown:DrainDelay"] = "00:00:05",
        ["Shutdown:Timeout"] = "00:00:30",
    });

    public Task InitializeAsync() => gateway.InitializeAsync();

    public Task DisposeAsync() => gateway.DisposeAsync();

    [Fact]
    public async Task A_stopping_gateway_finishes_requests_in_flight_and_refuses_new_ones_with_503()
    {
        var proposal = await gateway.Scenario.ProposeActive();
        var body = await Json.Content(TypedDataSigner.Envelope(TestKey.Alice, "Ballot",
            Messages.Ballot(TestKey.Alice, proposal, 1, gateway.Now))).ReadAsByteArrayAsync();
        // A raw connection, so the request's headers and half its body are surely on the wire before the stop begins.
        var path = $"/proposals/{proposal}/ballots";
        var begun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = RequestsBegun.Watch(gateway.Http.BaseAddress!.Port, path, begun);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.Http.BaseAddress!.Host, gateway.Http.BaseAddress.Port);
        var wire = tcp.GetStream();
        var head = Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: {gateway.Http.BaseAddress.Authority}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        await wire.WriteAsync(head);
        await wire.WriteAsync(body.AsMemory(0, body.Length / 2));
        await wire.FlushAsync();
        await begun.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var lifetime = gateway.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = Task.Run(lifetime.StopApplication);
        var refused = await Eventually.Until(() => gateway.Http.GetAsync("/readyz"),
            r => r.StatusCode == HttpStatusCode.ServiceUnavailable, what: "the stopping Gateway to refuse new requests");
        await ProblemAssert.Is(refused, HttpStatusCode.ServiceUnavailable, "shutting-down");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await ProblemAssert.Is(await gateway.Http.GetAsync("/eip712"), HttpStatusCode.ServiceUnavailable, "shutting-down");

        await wire.WriteAsync(body.AsMemory(body.Length / 2));
        var answer = await new StreamReader(wire, Encoding.ASCII).ReadLineAsync();
        Assert.Equal("HTTP/1.1 200 OK", answer);
        await stopped;
    }

    /// <summary>
    /// ASP.NET Core's BeginRequest diagnostic for one path on one port: proof that the server has taken the request (its
    /// pipeline is running) rather than a guess that it has.
    /// </summary>
    private sealed class RequestsBegun(int port, string path, TaskCompletionSource begun)
        : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private readonly List<IDisposable> subscriptions = [];

        public static IDisposable Watch(int port, string path, TaskCompletionSource begun)
        {
            var watcher = new RequestsBegun(port, path, begun);
            watcher.subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(watcher));
            return new Unsubscriber(watcher.subscriptions);
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.AspNetCore")
                lock (subscriptions) subscriptions.Add(listener.Subscribe(this, name => name == "Microsoft.AspNetCore.Hosting.BeginRequest"));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            var http = value.Value?.GetType().GetProperty("httpContext")?.GetValue(value.Value) as HttpContext;
            if (http?.Connection.LocalPort == port && http.Request.Path == path) begun.TrySetResult();
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        private sealed class Unsubscriber(List<IDisposable> subscriptions) : IDisposable
        {
            public void Dispose()
            {
                lock (subscriptions) subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
