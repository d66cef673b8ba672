using System.Globalization;
using System.Reflection;

namespace Blocktrack.Gateway;

/// <summary>
/// The numbers in <c>/daos/{path}/programs/{program}[/grants/{grant}[/milestones/{milestone}]]</c>: programs and grants
/// count from 1, milestones from 0; anything else is invalid-argument.
/// </summary>
public sealed record GrantRoute(long Program, long Grant, int Milestone)
{
    public static GrantRoute FromRoute(HttpContext http) => new(
        Number(http, "program", 1) ?? 0, Number(http, "grant", 1) ?? 0, (int)(Number(http, "milestone", 0, int.MaxValue) ?? -1));

    public static ValueTask<GrantRoute?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<GrantRoute?>(FromRoute(http));

    private static long? Number(HttpContext http, string name, long min, long max = long.MaxValue)
    {
        if (DaoRoute.ParameterOf(http, name) is not { } text) return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ApiProblemException(ErrorCodes.InvalidArgument, $"'{text}' is not a {name} number (an integer ≥ {min}).");
    }
}
