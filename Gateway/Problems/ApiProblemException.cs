namespace Blocktrack.Gateway;

/// <summary>A refusal decided in the Gateway; the exception handler answers it as problem details.</summary>
public sealed class ApiProblemException(ErrorCode error, string detail) : Exception(detail)
{
    public ErrorCode Error { get; } = error;

    /// <summary>When the client may try again (answered as <c>Retry-After</c>), for refusals that pass with time.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
