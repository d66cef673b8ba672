using System.Net;

namespace Blocktrack.Tests.Support;

/// <summary>One silo process of a <see cref="LocalCluster"/>, the address it advertises and the ports it listens on.</summary>
public sealed record SiloProcess(int Index, IPAddress Address, int SiloPort, int GatewayPort, int HttpPort, ChildProcess Process)
{
    public Uri Http => new($"http://{Address}:{HttpPort}");

    /// <summary>Its silo-to-silo endpoint, as membership and grain placement name it.</summary>
    public IPEndPoint Endpoint => new(Address, SiloPort);

    /// <summary>The virtual host it runs on (its own network namespace), or null on this machine's loopback.</summary>
    public VirtualHost? Host { get; init; }
}
