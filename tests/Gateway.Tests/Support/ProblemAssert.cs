using System.Net;
using System.Text.Json;

namespace Blocktrack.Gateway.Tests;

/// <summary>Asserts an RFC 9457 problem with an exact status and code.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> Is(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, problem.Str("code"));
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal("urn:blocktrack:problem:" + code, problem.Str("type"));
        Assert.False(string.IsNullOrEmpty(problem.Str("title")));
        return problem;
    }
}
