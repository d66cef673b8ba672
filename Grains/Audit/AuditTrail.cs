using System.Diagnostics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Audit;

/// <summary>
/// The acts a grain owes the audit log, built where the act happens: the operator key's name and the trace id come from the
/// request context the Gateway set (<see cref="AuditContext"/>), a signer is the address the grain already verified.
/// </summary>
public static class AuditTrail
{
    public static AuditAct ByOperator(string cause, DateTimeOffset at, string act, string subject, string detail) =>
        Act(cause, at, AuditActorKind.OperatorKey, AuditContext.OperatorKeyName, act, subject, detail);

    public static AuditAct BySigner(string signer, string cause, DateTimeOffset at, string act, string subject, string detail) =>
        Act(cause, at, AuditActorKind.Signer, signer, act, subject, detail);

    public static AuditAct ByProposal(string proposal, string cause, DateTimeOffset at, string act, string subject, string detail) =>
        Act(cause, at, AuditActorKind.Proposal, proposal, act, subject, detail);

    public static AuditAct ByWatcher(long chain, string cause, DateTimeOffset at, string act, string detail) =>
        Act(cause, at, AuditActorKind.ChainWatcher, chain.ToString(System.Globalization.CultureInfo.InvariantCulture), act,
            $"chain:{chain}", detail);

    /// <summary>The request's trace id as the Gateway named it, else the current trace (a reminder's or a timer's), else none.</summary>
    public static string? TraceId => AuditContext.TraceId
        ?? (Activity.Current is { } a && a.TraceId != default ? a.TraceId.ToHexString() : null);

    private static AuditAct Act(string cause, DateTimeOffset at, AuditActorKind kind, string actor, string act, string subject,
        string detail) => new()
    {
        Cause = cause, At = at, ActorKind = kind, Actor = actor, Act = act, Subject = subject, Detail = detail, TraceId = TraceId,
    };
}
