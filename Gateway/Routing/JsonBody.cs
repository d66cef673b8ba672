using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>Reads request bodies ourselves, so every failure — wrong media type, bad JSON, too large — is a precise problem.</summary>
public static class JsonBody
{
    public static async ValueTask<T> ReadAsync<T>(HttpContext http)
        where T : class
    {
        var request = http.Request;
        if (!request.HasJsonContentType())
            throw new ApiProblemException(ErrorCodes.UnsupportedMediaType,
                $"Send the body as JSON with Content-Type: application/json (got '{request.ContentType}').");
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, http.RequestAborted)
                ?? throw new ApiProblemException(ErrorCodes.MalformedRequest, "The body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            // The message names the path and position, which is what a client needs to fix its request.
            throw new ApiProblemException(ErrorCodes.MalformedRequest, e.Message);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            // E.g. an abstract action without its "type" discriminator, or a duplicate key in an immutable dictionary.
            throw new ApiProblemException(ErrorCodes.MalformedRequest, e.Message);
        }
    }

    /// <summary>Declares the JSON body a bindable parameter reads, as <c>Accepts&lt;T&gt;</c> would, for OpenAPI.</summary>
    internal static void Describe<T>(EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));
}

/// <summary>A JSON request body bound through <see cref="JsonBody.ReadAsync{T}"/> instead of the framework's reader.</summary>
public sealed record JsonBody<T>(T Value) : IEndpointParameterMetadataProvider
    where T : class
{
    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        new(await JsonBody.ReadAsync<T>(http));

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) => JsonBody.Describe<T>(builder);
}
