using System.Net;

namespace Blocktrack.Gateway;

/// <summary>The client a request is counted against: the peer address, or the one a trusted proxy forwarded.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The address as a partition key; IPv4 peers reached over a dual-stack socket count as their IPv4 address, so one
    /// client cannot hold two buckets.
    /// </summary>
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        var address => address.ToString(),
    };
}
