using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace Blocktrack.Gateway;

/// <summary>The last resort: every exception becomes problem details; only true bugs become a 500, and those are logged.</summary>
public sealed partial class GatewayExceptionHandler(IProblemDetailsService problems, ILogger<GatewayExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying when the cluster is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The client went away: there is nobody to answer.
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
            return true;

        var problem = ExceptionProblems.TryMap(exception);
        if (problem is null)
        {
            LogBug(logger, exception, http.Request.Method, http.Request.Path);
            problem = Problems.Create(ErrorCodes.InternalError, "An unexpected error occurred; it has been logged.");
        }
        else if (exception is ApiProblemException { RetryAfter: { } after })
        {
            // Refusals of our own that pass with time (limits, lockout, a stopping Gateway) say when.
            EdgeLimits.SetRetryAfter(http.Response, after);
        }
        else if (problem.Status == ErrorCodes.ClusterUnavailable.Status)
        {
            LogClusterUnavailable(logger, exception.GetType().Name, exception.Message);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogBug(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Governance cluster unavailable: {Type}: {Message}")]
    private static partial void LogClusterUnavailable(ILogger logger, string type, string message);
}
