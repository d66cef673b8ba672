using Microsoft.AspNetCore.Routing.Patterns;

namespace Blocktrack.Gateway;

/// <summary>Maps endpoints under a DAO path of any depth as one route each (see <see cref="DaoRoute"/>).</summary>
public static class DaoRoutes
{
    private static readonly RoutePattern CatchAll =
        RoutePatternFactory.Parse($"{{{DaoRoute.RootParameter}}}/{{**{DaoRoute.RestParameter}}}");

    /// <summary>Maps <c>{path}</c> + <paramref name="suffix"/> below the group, e.g. <c>/daos</c> + <c>/proposals</c>.</summary>
    public static RouteHandlerBuilder MapDao(this IEndpointRouteBuilder group, string method, string suffix, Delegate handler) =>
        group.Map(method, new DaoRoute(numbered: false, suffix), handler);

    /// <summary>Maps <c>{path}/{seq}</c> + <paramref name="suffix"/> below the group, e.g. <c>/proposals</c> + <c>/tally</c>.</summary>
    public static RouteHandlerBuilder MapProposal(this IEndpointRouteBuilder group, string method, string suffix, Delegate handler) =>
        group.Map(method, new DaoRoute(numbered: true, suffix), handler);

    /// <summary>
    /// Answers as routing does for plain templates, for requests no DAO endpoint takes: 415 when an endpoint of the
    /// method accepts the path but not the content type, 405 with <c>Allow</c> when only other methods' endpoints accept
    /// it, else 404. Routing cannot tell by itself: it filters the catch-all endpoints by method and content type before
    /// their constraints are asked, so without this fallback every such request would be a 404.
    /// </summary>
    public static void MapDaoRouteFallbacks(this IEndpointRouteBuilder app)
    {
        MapFallback(app.MapGroup("/daos"));
        MapFallback(app.MapGroup("/proposals"));
    }

    private static void MapFallback(IEndpointRouteBuilder group)
    {
        var builder = group.Map(CatchAll, (HttpContext http, EndpointDataSource endpoints) =>
        {
            var prefix = Prefix(http.GetEndpoint());
            var allowed = endpoints.Endpoints
                .Where(e => Prefix(e) == prefix
                    && e.Metadata.GetMetadata<DaoRoute>()?.TrySplit(http.Request.RouteValues, out _, out _) == true)
                .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Distinct().ToList();
            if (allowed.Count == 0)
                return Results.NotFound();
            // An endpoint of this method accepts the path, so it turned the request down for its content type.
            if (allowed.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            http.Response.Headers.Allow = string.Join(", ", allowed);
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }).ExcludeFromDescription();
        builder.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
    }

    /// <summary>The group's literal first segment (<c>daos</c>, <c>proposals</c>); null for <c>/</c> (the web app) and the like.</summary>
    private static string? Prefix(Endpoint? endpoint) =>
        (endpoint as RouteEndpoint)?.RoutePattern.PathSegments is [{ Parts: [RoutePatternLiteralPart literal, ..] }, ..]
            ? literal.Content
            : null;

    private static RouteHandlerBuilder Map(this IEndpointRouteBuilder group, string method, DaoRoute route, Delegate handler)
    {
        // ApiExplorer and the route metric read the raw text, so it is the documented template; matching uses the
        // catch-all segments and the route's constraint.
        var pattern = RoutePatternFactory.Pattern(route.Template, defaults: null,
            parameterPolicies: new RouteValueDictionary { [DaoRoute.RestParameter] = route }, CatchAll.PathSegments);
        var builder = group.Map(pattern, handler).WithMetadata(new HttpMethodMetadata([method]), route);
        builder.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = route.Order);
        return builder;
    }
}
