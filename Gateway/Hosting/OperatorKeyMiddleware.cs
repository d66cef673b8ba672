using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// Refuses operator endpoints without a key holding their scope before the body is even read, and names the key on the
/// request (<see cref="KeyNameItem"/>) and in the log, never the key itself. A client that sent too many wrong keys is
/// locked out for a while (<see cref="OperatorKeyLockout"/>), whatever key it sends next.
/// </summary>
public sealed partial class OperatorKeyMiddleware(
    RequestDelegate next, OperatorApiKey keys, OperatorKeyLockout lockout, ILogger<OperatorKeyMiddleware> log)
{
    public const string KeyNameItem = "operator-key";

    // A middleware rather than an endpoint filter: filters run after body binding, so a bad body would mask a missing key.
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<OperatorOnly>() is not { } required) return next(context);
        var client = ClientAddress.Of(context);
        if (lockout.LockedFor(client) is { } left)
            throw new ApiProblemException(ErrorCodes.ApiKeyLockedOut,
                $"{client} sent too many wrong operator keys; operator calls are refused for {EdgeLimits.SecondsOf(left)} s.")
            { RetryAfter = left };
        var presented = context.Request.Headers[OperatorApiKey.HeaderName];
        var key = keys.Find(presented);
        if (key is null)
        {
            // A missing header is a mistake, not a guess: only wrong keys count towards the lockout.
            if (!string.IsNullOrEmpty(presented)) Refused(client);
            throw new ApiProblemException(ErrorCodes.ApiKeyInvalid,
                $"This is an operator action: send an operator key in the {OperatorApiKey.HeaderName} header.");
        }
        lockout.Succeeded(client);
        if (!key.Value.Scopes.Contains(OperatorScopes.All) && !key.Value.Scopes.Contains(required.Scope))
            throw new ApiProblemException(ErrorCodes.ApiKeyScope,
                $"Operator key '{key.Value.Name}' does not hold the '{required.Scope}' scope this action needs.");
        context.Items[KeyNameItem] = key.Value.Name;
        // The grain that owns the act names the key in the audit log (Orleans carries this into the cluster).
        AuditContext.Set(key.Value.Name, null);
        Acted(log, key.Value.Name, context.Request.Method, context.Request.Path);
        return next(context);
    }

    private void Refused(string client)
    {
        lockout.Failed(client);
        WrongKey(log, client);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator key {Key}: {Method} {Path}")]
    private static partial void Acted(ILogger log, string key, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wrong operator key from {Client}")]
    private static partial void WrongKey(ILogger log, string client);
}
