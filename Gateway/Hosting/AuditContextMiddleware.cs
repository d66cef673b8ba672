using System.Diagnostics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// Hands every request's trace id to the cluster in Orleans' request context, where the grain that owns a privileged act
/// records it in the audit log (the operator key's name is added by <see cref="OperatorKeyMiddleware"/>). The W3C trace id
/// when the request is traced — the one a caller's <c>traceparent</c> names and OTLP exports — else ASP.NET Core's identifier.
/// </summary>
public sealed class AuditContextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        AuditContext.Set(null, Activity.Current is { } a && a.TraceId != default ? a.TraceId.ToHexString() : context.TraceIdentifier);
        return next(context);
    }
}
