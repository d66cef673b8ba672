using System.Net;
using System.Net.Sockets;

namespace Blocktrack.Tests.Support;

/// <summary>Loopback ports nobody listens on right now, so test servers and silos never collide with each other or a running Gateway.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
