using System.Text;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>DAO paths in routes, checked by the same rules the grains apply (<see cref="Names"/>).</summary>
public static class DaoPath
{
    public const int MaxDepth = Names.MaxDepth;

    /// <summary>Route words that follow a DAO path; the grains' naming rules reserve them, so no DAO is named after one.</summary>
    public static IReadOnlySet<string> Reserved => Names.Reserved;

    /// <summary>Route parameter names of the segments: <c>d0</c>, <c>d1</c>, …</summary>
    public static string SegmentParameter(int index) => "d" + index;

    public static bool IsValid(string? path) => !string.IsNullOrEmpty(path) && Names.IsDaoPath(path);

    /// <summary>Refuses an invalid path with <c>invalid-dao-path</c>.</summary>
    public static string Require(string? path) => IsValid(path)
        ? path!
        : throw new ApiProblemException(ErrorCodes.InvalidDaoPath,
            $"'{Truncate(path)}' is not a DAO path: 1 to {MaxDepth} segments of [a-z][a-z0-9-]{{0,39}} joined by '/', none of {string.Join(", ", Reserved.Order())}.");

    /// <summary>The path spelled by the route's <c>d0</c>…<c>d3</c> values.</summary>
    public static string FromRoute(HttpRequest request)
    {
        var path = new StringBuilder();
        for (var i = 0; i < MaxDepth && request.RouteValues.TryGetValue(SegmentParameter(i), out var value); i++)
        {
            if (i > 0)
                path.Append('/');
            path.Append(value as string);
        }
        return Require(path.ToString());
    }

    private static string Truncate(string? s) => s is null ? "" : s.Length <= 100 ? s : s[..97] + "...";
}
