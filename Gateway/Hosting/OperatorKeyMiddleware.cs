using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// Refuses operator endpoints without a key holding their scope before the body is even read, and names the key on the
/// request (<see cref="KeyNameItem"/>) and in the log, never the key itself.
/// </summary>
public sealed partial class OperatorKeyMiddleware(RequestDelegate next, OperatorApiKey keys, ILogger<OperatorKeyMiddleware> log)
{
    public const string KeyNameItem = "operator-key";

    // A middleware rather than an endpoint filter: filters run after body binding, so a bad body would mask a missing key.
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<OperatorOnly>() is not { } required) return next(context);
        var key = keys.Find(context.Request.Headers[OperatorApiKey.HeaderName])
            ?? throw new ApiProblemException(ErrorCodes.ApiKeyInvalid,
                $"This is an operator action: send an operator key in the {OperatorApiKey.HeaderName} header.");
        if (!key.Scopes.Contains(OperatorScopes.All) && !key.Scopes.Contains(required.Scope))
            throw new ApiProblemException(ErrorCodes.ApiKeyScope,
                $"Operator key '{key.Name}' does not hold the '{required.Scope}' scope this action needs.");
        context.Items[KeyNameItem] = key.Name;
        // The grain that owns the act names the key in the audit log (Orleans carries this into the cluster).
        AuditContext.Set(key.Name, null);
        Acted(log, key.Name, context.Request.Method, context.Request.Path);
        return next(context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator key {Key}: {Method} {Path}")]
    private static partial void Acted(ILogger log, string key, string method, string path);
}
