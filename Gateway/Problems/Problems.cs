using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>Builds RFC 9457 problem details carrying our stable <c>code</c> extension.</summary>
public static class Problems
{
    public const string CodeExtension = "code";

    public static ProblemDetails Create(ErrorCode error, string? detail) => new()
    {
        Type = error.TypeUri,
        Title = error.Title,
        Status = error.Status,
        Detail = detail,
        Extensions = { [CodeExtension] = error.Code },
    };

    /// <summary>
    /// Adds the request path, and for problems the framework made itself (unknown routes, wrong methods) type, title and
    /// code.
    /// </summary>
    public static void Complete(ProblemDetails problem, HttpRequest request)
    {
        problem.Instance ??= request.Path;
        if (problem.Extensions.ContainsKey(CodeExtension))
            return;
        var error = ErrorCodes.ForStatus(problem.Status ?? 500);
        problem.Type = error.TypeUri;
        problem.Title = error.Title;
        problem.Detail ??= error.Status switch
        {
            404 => $"No endpoint serves {request.Method} {request.Path}; see /openapi/v1.json for the routes.",
            405 => $"{request.Path} does not accept {request.Method}.",
            _ => null,
        };
        problem.Extensions[CodeExtension] = error.Code;
    }
}
