namespace Blocktrack.Gateway.Tests;

/// <summary>Reads server-sent events (event type and data) from a response stream.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader reader = new(stream);

    public async Task<(string Type, string Data)> Next(CancellationToken cancellationToken)
    {
        string type = "message", data = "";
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data.Length > 0)
                    return (type, data);
                continue;
            }
            if (line.StartsWith("event:", StringComparison.Ordinal))
                type = line["event:".Length..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal))
                data += line["data:".Length..].TrimStart();
        }
    }

    public void Dispose() => reader.Dispose();
}
