using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Blocktrack.Gateway;

/// <summary>
/// Describes the route values bound by <see cref="DaoPath"/>, <see cref="ProposalId"/>, <see cref="Address"/>,
/// <see cref="ChainId"/> and <see cref="EpochNumber"/>: ApiExplorer lists only parameters the framework binds itself, so without this their
/// <c>{…}</c> would go undeclared.
/// Also describes <see cref="PageQuery"/>'s and <see cref="AuditFilter"/>'s parameters (a [Description] on an [AsParameters]
/// record breaks the generator).
/// </summary>
public static class ParameterDocs
{
    private static readonly Dictionary<string, (JsonSchemaType Type, string Description)> Known = new(StringComparer.Ordinal)
    {
        ["path"] = (JsonSchemaType.String,
            $"DAO path: 1 to {DaoPath.MaxDepth} segments of [a-z][a-z0-9-]{{0,39}} joined by '/', e.g. blocktrack/grants."),
        [ProposalId.SeqParameter] = (JsonSchemaType.Integer, "The proposal's number within its DAO."),
        [Address.Parameter] = (JsonSchemaType.String, "0x and 40 hex digits, in lower, upper or EIP-55 mixed case."),
        [ChainId.Parameter] = (JsonSchemaType.Integer, "A mirrored chain's id (GET /chains lists them)."),
        [EpochNumber.Parameter] = (JsonSchemaType.Integer, "A reward epoch: ⌊unix seconds / the programme's epochSeconds⌋."),
    };

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            // Bound as text only so that a bad value gets our problem; what the API takes is an integer.
            if (parameter.In == ParameterLocation.Query && PageQuery.Descriptions.TryGetValue(parameter.Name ?? "", out var text))
                (parameter.Description, parameter.Schema) = (text, new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" });
            else if (parameter.In == ParameterLocation.Query && AuditFilter.Descriptions.TryGetValue(parameter.Name ?? "", out var filter))
                parameter.Description = filter;
        }
        var declared = operation.Parameters?.Where(p => p.In == ParameterLocation.Path).Select(p => p.Name).ToHashSet() ?? [];
        var template = context.Description.RelativePath ?? "";
        var inserted = 0;
        foreach (var (name, (type, description)) in Known.OrderBy(k => template.IndexOf("{" + k.Key + "}", StringComparison.Ordinal)))
        {
            if (!template.Contains("{" + name + "}", StringComparison.Ordinal) || declared.Contains(name))
                continue;
            operation.Parameters ??= [];
            // Path parameters first, in the order the template names them.
            operation.Parameters.Insert(inserted++, new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Description = description,
                Schema = new OpenApiSchema { Type = type, Format = type == JsonSchemaType.Integer ? "int64" : null },
            });
        }
        return Task.CompletedTask;
    }
}
