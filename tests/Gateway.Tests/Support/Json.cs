using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>JSON in and out of requests, written out by hand so the tests do not share the Gateway's serializer settings.</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static StringContent Content(object body) => Raw(body is JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(body, Web));

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GETs <paramref name="url"/>, requires 200 (else fails with the status and body) and reads the JSON.</summary>
    public static async Task<JsonElement> GetOk(this HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
