namespace Blocktrack.Tests.Support;

/// <summary>One silo process of a <see cref="LocalCluster"/> and the ports it listens on.</summary>
public sealed record SiloProcess(int Index, int SiloPort, int GatewayPort, int HttpPort, ChildProcess Process)
{
    public Uri Http => new($"http://127.0.0.1:{HttpPort}");
}
