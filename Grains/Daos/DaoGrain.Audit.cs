using System.Collections.Immutable;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Daos;

/// <summary>
/// The DAO's privileged acts for the audit log: queued in the outbox with the change they record, so the write that makes the
/// change durable makes its audit entry owed too, and delivery (now, on retry or on activation) appends it once by cause.
/// </summary>
public sealed partial class DaoGrain
{
    private delegate AuditAct AuditBuilder(string actor, string cause, DateTimeOffset at, string act, string subject, string detail);

    private void Audit(AuditAct act) => S.Outbox.Add(new DaoEffect { Target = Path, Audit = act });

    /// <summary>A cause for an act that has no natural key (a role change may be undone and redone).</summary>
    private string NextCause() => $"dao:{Path}#{++S.AuditCount}";

    /// <summary>The version now in force, by whoever adopted it (the operator for a root's first, else a proposal).</summary>
    private void AuditConstitution(AuditBuilder by) => Audit(by(Current.AdoptedBy ?? "", $"constitution:{Path}@{Current.Version}", Now,
        AuditActs.ConstitutionAdopted, Path, $"version {Current.Version}, hash {Hex.ToHex(ConstitutionHash.Compute(Current))}"));

    private static string ExecutionDetail(ImmutableArray<ProposalAction> actions, ImmutableArray<ChainTransaction> transactions)
    {
        var kinds = string.Join(", ", actions.Select(a => a.Kind.ToString()));
        var chain = transactions.IsDefaultOrEmpty ? "" : $"; {transactions.Length} on-chain transaction(s)";
        return $"{actions.Length} action(s){(kinds.Length > 0 ? $": {kinds}" : "")}{chain}";
    }
}
