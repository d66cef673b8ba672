using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Proposals;

/// <summary>
/// The proposal's privileged acts for the audit log — a veto, a cancel, a failed execution (a successful one is the DAO's,
/// saved with its changes) — saved with the change by the next state write, then delivered once by cause.
/// </summary>
public sealed partial class ProposalGrain
{
    private AuditDelivery? _audit;

    private AuditDelivery Audit => _audit ??= new(GrainFactory, () => S.AuditOutbox, _writer.Save, log);

    private void Owe(AuditAct act) => S.AuditOutbox.Add(act);

    private void OweFailedExecution(ExecutionResult result) =>
        Owe(AuditTrail.ByProposal(Id, $"execution-failed:{Id}#{++S.AuditCount}", result.At, AuditActs.ExecutionFailed, Id,
            $"failed{(result.FailedAction is { } i ? $" at action {i}" : "")}: {result.Error}"));
}
