using System.Text.Json;
using System.Text.Json.Serialization;

namespace Blocktrack.Grains.Interfaces;

/// <summary>The one JSON dialect of the API and of published hashes: camelCase names and enums, amounts as decimal strings.</summary>
public static class GovernanceJson
{
    /// <summary>Applies the dialect to options ASP.NET already created (web defaults: camelCase, case-insensitive reads).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new BigIntegerJsonConverter());
        // Clients build action objects by hand; the "type" discriminator need not come first.
        options.AllowOutOfOrderMetadataProperties = true;
        // A JSON null where the contract has no null would otherwise reach the grains as a NullReferenceException.
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        return options;
    }

    /// <summary>A standalone copy, for code that serializes outside ASP.NET's pipeline (server-sent events, tests).</summary>
    public static JsonSerializerOptions CreateOptions() => Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
