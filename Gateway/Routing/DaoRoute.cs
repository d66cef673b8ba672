using System.Globalization;

namespace Blocktrack.Gateway;

/// <summary>
/// One route for an endpoint under a DAO path of any depth, e.g. <c>/daos/{path}/proposals</c> or
/// <c>/proposals/{path}/{seq}/ballots</c>.
/// </summary>
/// <remarks>
/// ASP.NET Core allows a catch-all only as a template's last segment, so <c>/daos/{**path}/proposals</c> cannot be
/// written, and one catch-all endpoint per method that dispatches on the trailing word would show OpenAPI one
/// operation per method. So each endpoint is mapped on <c>/daos/{root}/{**rest}</c> (see <see cref="DaoRoutes"/>)
/// with this constraint, which is also its metadata: it accepts a request only when root + rest spell 1 to
/// <see cref="DaoPath.MaxDepth"/> DAO segments, then (for proposals) a number, then the endpoint's own trailing words.
/// The first segment is a parameter of its own so that <c>/daos</c> itself never reaches these endpoints.
/// Where several endpoints accept a path, the one with more trailing words wins (its route order is lower), just as
/// routing prefers a literal segment to a parameter. <see cref="Template"/> becomes the route pattern's raw text, which
/// is what OpenAPI and the <c>http.route</c> metric show: one path per endpoint.
/// </remarks>
/// <param name="numbered">True for proposal routes: a sequence number follows the DAO path.</param>
/// <param name="suffix">
/// The endpoint's trailing words, e.g. <c>/constitution/history</c>, or empty; a word <c>{name}</c> takes any one segment
/// (read with <see cref="Parameter"/>).
/// </param>
public sealed class DaoRoute(bool numbered, string suffix) : IRouteConstraint
{
    public const string RootParameter = "root";
    public const string RestParameter = "rest";

    private readonly string[] words = suffix.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The route as documented below its group's prefix, e.g. <c>{path}/{seq}/ballots</c>.</summary>
    public string Template { get; } = "{path}" + (numbered ? "/{" + ProposalId.SeqParameter + "}" : "") + suffix;

    /// <summary>Lower wins: endpoints with more literal trailing words are preferred.</summary>
    public int Order => -words.Length;

    /// <summary>The route of the endpoint serving <paramref name="http"/>.</summary>
    public static DaoRoute Of(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<DaoRoute>()
        ?? throw new InvalidOperationException("DaoPath and ProposalId bind only on endpoints mapped through DaoRoutes.");

    public bool Match(
        HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        TrySplit(values, out _, out _);

    /// <summary>The DAO path and (for proposals) the sequence number the route values spell, if this route accepts them.</summary>
    public bool TrySplit(RouteValueDictionary values, out string dao, out string seq)
    {
        dao = seq = "";
        var segments = Segments(values[RootParameter] as string, values[RestParameter] as string);
        var fixedCount = words.Length + (numbered ? 1 : 0);
        var depth = segments.Count - fixedCount;
        if (depth < 1 || depth > DaoPath.MaxDepth || segments.Any(s => s.Length == 0))
            return false;
        for (var i = 0; i < words.Length; i++)
        {
            if (!IsParameter(words[i])
                && !string.Equals(segments[depth + fixedCount - words.Length + i], words[i], StringComparison.OrdinalIgnoreCase))
                return false;
        }
        // Any integer routing's {seq:long} would take; ProposalId then wants plain digits, so "-1" is proposal-not-found.
        if (numbered && !long.TryParse(segments[depth], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            return false;
        dao = string.Join('/', segments.Take(depth));
        seq = numbered ? segments[depth] : "";
        return true;
    }

    /// <summary>
    /// The segment a <c>{name}</c> word of the suffix stands for (e.g. the voter of <c>/ballots/{address}/proof</c>), or null
    /// when the route has no such word or does not accept the values.
    /// </summary>
    public string? Parameter(RouteValueDictionary values, string name)
    {
        var index = Array.IndexOf(words, "{" + name + "}");
        if (index < 0 || !TrySplit(values, out _, out _)) return null;
        var segments = Segments(values[RootParameter] as string, values[RestParameter] as string);
        return segments[segments.Count - words.Length + index];
    }

    /// <summary><see cref="Parameter"/> of the request's route, when it is a DAO route.</summary>
    public static string? ParameterOf(HttpContext http, string name) =>
        http.GetEndpoint()?.Metadata.GetMetadata<DaoRoute>()?.Parameter(http.Request.RouteValues, name);

    private static bool IsParameter(string word) => word.Length > 2 && word[0] == '{' && word[^1] == '}';

    private static List<string> Segments(string? root, string? rest)
    {
        var segments = new List<string> { root ?? "" };
        if (!string.IsNullOrEmpty(rest))
            segments.AddRange(rest.TrimEnd('/').Split('/'));
        return segments;
    }
}
