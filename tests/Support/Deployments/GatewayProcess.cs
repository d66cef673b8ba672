namespace Blocktrack.Tests.Support;

/// <summary>One Gateway process of a <see cref="LocalCluster"/> and the URL it serves at.</summary>
public sealed record GatewayProcess(int Index, Uri Url, ChildProcess Process)
{
    /// <summary>The virtual host it runs on, or null on this machine's loopback.</summary>
    public VirtualHost? Host { get; init; }
}
