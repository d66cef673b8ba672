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

    /// <summary>Fills in type, title and code for problems the framework made itself (unknown routes, wrong methods).</summary>
    public static void Complete(ProblemDetails problem)
    {
        if (problem.Extensions.ContainsKey(CodeExtension))
            return;
        var error = ErrorCodes.ForStatus(problem.Status ?? 500);
        problem.Type = error.TypeUri;
        problem.Title = error.Title;
        problem.Extensions[CodeExtension] = error.Code;
    }
}
