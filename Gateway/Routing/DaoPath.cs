using System.Reflection;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>A DAO path from a route, checked by the same rules the grains apply (<see cref="Names"/>).</summary>
public sealed record DaoPath
{
    public const int MaxDepth = Names.MaxDepth;

    private DaoPath(string value) => Value = value;

    public string Value { get; }

    /// <summary>Route words that follow a DAO path; the grains' naming rules reserve them, so no DAO is named after one.</summary>
    public static IReadOnlySet<string> Reserved => Names.Reserved;

    /// <summary>Refuses an invalid path with <c>invalid-dao-path</c>.</summary>
    public static string Require(string? path) => !string.IsNullOrEmpty(path) && Names.IsDaoPath(path)
        ? path!
        : throw new ApiProblemException(ErrorCodes.InvalidDaoPath,
            $"'{Truncate(path)}' is not a DAO path: 1 to {MaxDepth} segments of [a-z][a-z0-9-]{{0,39}} joined by '/', " +
            $"none of {string.Join(", ", Reserved.Order())}.");

    /// <summary>The DAO path of the request's <see cref="DaoRoute"/>.</summary>
    public static DaoPath FromRoute(HttpContext http)
    {
        DaoRoute.Of(http).TrySplit(http.Request.RouteValues, out var dao, out _);
        return new DaoPath(Require(dao));
    }

    public static ValueTask<DaoPath?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<DaoPath?>(FromRoute(http));

    public override string ToString() => Value;

    private static string Truncate(string? s) => s is null ? "" : s.Length <= 100 ? s : s[..97] + "...";
}
