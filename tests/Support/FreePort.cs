using System.Net;
using System.Net.Sockets;

namespace Blocktrack.Tests.Support;

/// <summary>
/// Loopback ports nobody listens on right now, so test servers and silos never collide with each other or a running
/// Gateway. They come from below Linux's ephemeral range (32768–60999): a port the OS hands out there can be taken by any
/// process's outgoing connection between this check and the server's own bind, which a busy machine does (a silo
/// failed with "address already in use" that way).
/// </summary>
public static class FreePort
{
    private const int First = 20_000, Last = 32_767;

    // This process never hands the same port out twice, even to servers that have not bound it yet.
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var port = Random.Shared.Next(First, Last + 1);
                if (!HandedOut.Contains(port) && IsFree(port) && HandedOut.Add(port)) return port;
            }
        }
        // A crowded range: fall back to one the OS picks.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
