using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Blocktrack.Gateway;

/// <summary>
/// Serves the web app (web/, built by Vite into <see cref="Folder"/> beside the Gateway's binaries by Gateway.csproj):
/// index.html at <c>/</c> and at the app's own client routes under <see cref="ClientRoutes"/>, hashed files under
/// <c>/assets</c>. Only those paths are the app's, so every API route and its 404 problem documents stay as they are.
/// </summary>
public static class WebApp
{
    public const string Folder = "webapp";

    /// <summary>The app's history routes (<c>/app/daos/…</c>, <c>/app/proposals/…</c>); the API owns every other path.</summary>
    public const string ClientRoutes = "/app";

    /// <summary>
    /// Nothing inline and nothing from another host: the app's scripts, styles and requests are all same-origin, and it may
    /// not be framed. Only the app's responses carry it (the Scalar reference at /docs has needs of its own).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Vite names every file under assets/ by its content hash, so a name never changes meaning.</summary>
    public const string ImmutableCaching = "public, max-age=31536000, immutable";

    public static string Root => Path.Combine(AppContext.BaseDirectory, Folder);

    public static void MapWebApp(this WebApplication app)
    {
        var assets = Path.Combine(Root, "assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(assets),
                RequestPath = "/assets",
                OnPrepareResponse = file =>
                {
                    file.Context.Response.Headers.CacheControl = ImmutableCaching;
                    Secure(file.Context.Response);
                },
            });
        }
        app.MapGet("/", ServeIndex).ExcludeFromDescription();
        app.MapGet(ClientRoutes, ServeIndex).ExcludeFromDescription();
        app.MapGet(ClientRoutes + "/{**route}", ServeIndex).ExcludeFromDescription();
    }

    private static IResult ServeIndex(HttpContext http)
    {
        var index = Path.Combine(Root, "index.html");
        if (!File.Exists(index))
        {
            return TypedResults.Problem(Problems.Create(ErrorCodes.NotFound,
                "The web app is not built: build the Gateway with Node.js 20 and npm on the PATH (Gateway.csproj runs "
                + "`npm ci` and `npm run build` in web/)."));
        }
        // Revalidated on every load, so a new build's asset names are picked up at once.
        http.Response.Headers.CacheControl = "no-cache";
        Secure(http.Response);
        return TypedResults.PhysicalFile(index, "text/html; charset=utf-8");
    }

    private static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers[HeaderNames.XFrameOptions] = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
