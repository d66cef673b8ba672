using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>
/// <c>?offset=&amp;limit=</c> of every paged list, bound with <c>[AsParameters]</c>; the page-size rule lives here only.
/// The values arrive as text so that a malformed one is the same <c>invalid-argument</c> problem as an out-of-range one
/// (the framework would answer a bare 400 before the handler runs).
/// </summary>
public sealed record PageQuery([FromQuery(Name = "offset")] string? Offset, [FromQuery(Name = "limit")] string? Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>How the two parameters are documented in OpenAPI.</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["offset"] = "Items to skip: an integer ≥ 0, default 0.",
        ["limit"] = $"Page size: an integer from 1 to {MaxLimit}, default {DefaultLimit}.",
    };

    /// <summary>The validated offset.</summary>
    public int Skip => Query.Int("offset", Offset, 0, 0, int.MaxValue);

    /// <summary>The validated page size.</summary>
    public int Take => Query.Int("limit", Limit, DefaultLimit, 1, MaxLimit);
}
