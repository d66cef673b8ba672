using System.Text;

namespace Blocktrack.Gateway;

/// <summary>DAO paths: 1 to 4 segments <c>[a-z][a-z0-9-]{0,39}</c> joined by <c>/</c>, never a reserved route word.</summary>
public static class DaoPath
{
    public const int MaxDepth = 4;
    public const int MaxSegmentLength = 40;

    /// <summary>Route words that follow a DAO path, so no DAO may be named after one (the grains reserve the same words).</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "proposals", "constitution", "treasury", "deposits", "committee", "events", "history", "subdaos",
    };

    /// <summary>Route parameter names of the segments: <c>d0</c>, <c>d1</c>, …</summary>
    public static string SegmentParameter(int index) => "d" + index;

    public static bool IsValidSegment(ReadOnlySpan<char> segment)
    {
        if (segment.Length is 0 or > MaxSegmentLength || segment[0] is < 'a' or > 'z')
            return false;
        foreach (var c in segment)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                return false;
        }
        return !Reserved.Contains(segment.ToString());
    }

    public static bool IsValid(string? path)
    {
        if (string.IsNullOrEmpty(path))
            return false;
        var depth = 0;
        foreach (var range in path.AsSpan().Split('/'))
        {
            if (++depth > MaxDepth || !IsValidSegment(path.AsSpan()[range]))
                return false;
        }
        return true;
    }

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
