using System.Net;
using System.Text.RegularExpressions;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The Gateway serves the built web app (Gateway.csproj builds web/ and copies it beside the binaries) at / and at the
/// app's client routes, with caching headers and a CSP, while every API path keeps its answers and its problems.
/// </summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed partial class WebAppTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app")]
    [InlineData("/app/daos/blocktrack/grants")]
    [InlineData("/app/proposals/blocktrack/1")]
    public async Task The_app_and_its_client_routes_answer_index_html_revalidated_and_with_a_strict_csp(string path)
    {
        using var response = await gateway.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache, "index.html must be revalidated so a new build is seen at once");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"app\">", html, StringComparison.Ordinal);
        // Nothing inline and nothing from another host, or the CSP would block the app itself.
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("http", Regex.Replace(html, "<noscript>.*</noscript>", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_asset_the_page_names_is_served_immutable()
    {
        var html = await gateway.Http.GetStringAsync("/");
        var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            using var response = await gateway.Http.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Theory]
    [InlineData("/daos/nowhere", "dao-not-found")]
    [InlineData("/proposals/nowhere/1", "proposal-not-found")]
    [InlineData("/nothing-here", "not-found")]
    [InlineData("/assets/missing-0000.js", "not-found")]
    [InlineData("/daos/blocktrack/no-such-sub-dao", "dao-not-found")]
    public async Task Api_paths_keep_their_problem_documents(string path, string code)
    {
        using var response = await gateway.Http.GetAsync(path);
        await ProblemAssert.Is(response, HttpStatusCode.NotFound, code);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Api_answers_are_json_not_the_app()
    {
        using var response = await gateway.Http.GetAsync($"/daos/{ApiScenario.Dao}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+)\"")]
    private static partial Regex AssetReference();
}
