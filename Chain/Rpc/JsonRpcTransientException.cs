namespace Blocktrack.Chain.Rpc;

/// <summary>The node stayed unreachable, slow, overloaded (5xx) or rate-limiting (429) through every retry;
/// the same request may well succeed later.</summary>
public sealed class JsonRpcTransientException(string method, Uri endpoint, int attempts, string lastFailure, int? httpStatus, Exception? inner)
    : JsonRpcTransportException(method, endpoint, $"still failing after {attempts} attempts: {lastFailure}", httpStatus, inner)
{
    public int Attempts { get; } = attempts;
}
