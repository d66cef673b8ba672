namespace Blocktrack.Chain.Rpc;

/// <summary>The request did not get a usable JSON-RPC answer (HTTP error, malformed body) and retrying will not help.</summary>
public class JsonRpcTransportException(string method, Uri endpoint, string message, int? httpStatus = null, Exception? inner = null)
    : Exception($"{method} at {endpoint}: {message}", inner)
{
    public string Method { get; } = method;

    public Uri Endpoint { get; } = endpoint;

    /// <summary>The HTTP status, when the server answered at all.</summary>
    public int? HttpStatus { get; } = httpStatus;
}
