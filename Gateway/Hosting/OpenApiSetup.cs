using System.Numerics;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Blocktrack.Gateway;

/// <summary>Makes the OpenAPI document tell the truth about amounts (decimal strings) and the operator key.</summary>
public static class OpenApiSetup
{
    public const string OperatorScheme = "operatorKey";

    public static void Configure(OpenApiOptions options)
    {
        options.AddSchemaTransformer(DescribeBigInteger);
        options.AddOperationTransformer(ParameterDocs.Describe);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Blocktrack Governance API";
            document.Info.Description = "DAOs, proposals, signed ballots and delegation. Signed requests use EIP-712; see GET /eip712.";
            document.AddComponent<IOpenApiSecurityScheme>(OperatorScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = OperatorApiKey.HeaderName,
                Description = "Operator key (Gateway:OperatorApiKey).",
            });
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<OperatorOnly>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(OperatorScheme, context.Document)] = [],
                });
            }
            return Task.CompletedTask;
        });
    }

    private static Task DescribeBigInteger(
        OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(BigInteger) || type == typeof(BigInteger?))
        {
            schema.Type = type == typeof(BigInteger) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Pattern = "^-?[0-9]+$";
            schema.Format = null;
            schema.Properties?.Clear();
            schema.Description = "An integer amount as a decimal string (exact beyond 2^53).";
        }
        return Task.CompletedTask;
    }
}
