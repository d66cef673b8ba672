using Orleans.Runtime;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Who is acting and the request's trace id, carried from the Gateway into the cluster in Orleans' <see cref="RequestContext"/>
/// so no grain method needs widening: the Gateway sets them per request, the grain that owns an act reads them.
/// </summary>
public static class AuditContext
{
    public const string OperatorKey = "bt.operator-key";
    public const string Trace = "bt.trace-id";

    /// <summary>Name of an operator act performed from a client that named no key (a cluster client, a test, a script).</summary>
    public const string UnnamedOperator = "(unnamed client)";

    public static void Set(string? operatorKey, string? traceId)
    {
        if (operatorKey is not null) RequestContext.Set(OperatorKey, operatorKey);
        if (traceId is not null) RequestContext.Set(Trace, traceId);
    }

    public static string OperatorKeyName => RequestContext.Get(OperatorKey) as string ?? UnnamedOperator;

    public static string? TraceId => RequestContext.Get(Trace) as string;
}
