using System.Net;

namespace Blocktrack.Tests.Support;

/// <summary>One host of a <see cref="VirtualNetwork"/>: a network namespace, its cable (the bridge side of its veth pair), its address.</summary>
public sealed record VirtualHost(string Name, string Namespace, string Link, IPAddress Address)
{
    /// <summary>The command prefix that runs a program on this host (<c>ip netns exec</c> keeps the program's PID).</summary>
    public IReadOnlyList<string> Launcher => ["ip", "netns", "exec", Namespace];
}
