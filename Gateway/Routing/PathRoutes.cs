using System.Text;

namespace Blocktrack.Gateway;

/// <summary>
/// Maps one handler on an explicit route per DAO depth (<c>/daos/{d0}</c> … <c>/daos/{d0}/{d1}/{d2}/{d3}</c>),
/// so OpenAPI shows real routes and literal suffixes such as <c>/proposals</c> win over DAO segments.
/// </summary>
public static class PathRoutes
{
    /// <summary>Maps <paramref name="prefix"/> + DAO segments + <paramref name="suffix"/> for every depth.</summary>
    public static void MapDaoRoutes(this IEndpointRouteBuilder app, string method, string prefix, string suffix, string name,
        Delegate handler, Action<RouteHandlerBuilder> conventions)
    {
        for (var depth = 1; depth <= DaoPath.MaxDepth; depth++)
        {
            var builder = app.MapMethods(prefix + Segments(depth) + suffix, [method], handler)
                .WithName(depth == 1 ? name : $"{name}Depth{depth}");
            conventions(builder);
        }
    }

    /// <summary>Maps <c>/proposals/{d0}/…/{seq}</c> + <paramref name="suffix"/> for every DAO depth.</summary>
    public static void MapProposalRoutes(this IEndpointRouteBuilder app, string method, string suffix, string name,
        Delegate handler, Action<RouteHandlerBuilder> conventions) =>
        app.MapDaoRoutes(method, "/proposals", $"/{{{ProposalId.SeqParameter}:long}}" + suffix, name, handler, conventions);

    private static string Segments(int depth)
    {
        var pattern = new StringBuilder();
        for (var i = 0; i < depth; i++)
            pattern.Append("/{").Append(DaoPath.SegmentParameter(i)).Append('}');
        return pattern.ToString();
    }
}
