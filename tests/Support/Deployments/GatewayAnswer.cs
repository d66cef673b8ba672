namespace Blocktrack.Tests.Support;

/// <summary>What the Gateway answered to one request: status, problem code (if any), whether Retry-After was set, the body.</summary>
public readonly record struct GatewayAnswer(int Status, string? Code, bool HasRetryAfter, string Body)
{
    /// <summary>The request never got an HTTP answer (connection refused or reset, client timeout).</summary>
    public const int NoAnswer = 0;

    public bool IsUnavailable => Status is 503 or NoAnswer;
}
