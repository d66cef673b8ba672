using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Voters;

/// <summary>
/// One address in one DAO's personhood registry (key <c>{dao}/{address}</c>). Who may change it is decided here, not
/// only at the Gateway: a committee member of the DAO, as the DAO says now, or the DAO's own proposal as the proposal
/// says. Not reentrant: one change at a time; readings interleave.
/// </summary>
public sealed class PersonhoodGrain(
    [PersistentState(GovernanceStorage.PersonhoodState, GovernanceStorage.Name)] IPersistentState<PersonhoodState> state,
    TimeProvider clock,
    ILogger<PersonhoodGrain> log) : Grain, IPersonhoodGrain
{
    private string _dao = "", _address = "";
    private AuditDelivery? _audit;

    private AuditDelivery Audit => _audit ??= new(GrainFactory, () => state.State.AuditOutbox, state.WriteStateAsync, log);

    private List<PersonhoodChange> History => state.State.History;
    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Refuse.Unless(Names.TryParsePersonhoodKey(this.GetPrimaryKeyString(), out _dao, out _address), GovernanceError.InvalidArgument,
            $"'{this.GetPrimaryKeyString()}' is not a personhood key ({{dao}}/{{lower-case address}})");
        _ = Audit.Deliver();
        return Task.CompletedTask;
    }

    public async Task<PersonhoodRecord> AttestByCommittee(string attester, bool attested, string digest, string signature)
    {
        Addresses.Require(attester, "attester");
        Refuse.Unless(!string.IsNullOrEmpty(digest), GovernanceError.InvalidArgument, "an attestation needs its signed digest");
        if (History.Any(c => c.Digest == digest)) return Record(Now);
        // Asked at the moment of the change: a member removed from the committee attests nothing any more.
        var member = await GrainFactory.GetGrain<IDaoGrain>(_dao).HoldsRole(DaoRole.Committee, attester);
        Refuse.Unless(member, GovernanceError.NotAuthorized, $"{attester} is not a committee member of '{_dao}'");
        return await Append(new PersonhoodChange { Attested = attested, Attester = attester, Digest = digest, Signature = signature });
    }

    public async Task<PersonhoodRecord> AttestByProposal(string proposalId, int actionIndex, bool attested)
    {
        if (History.Any(c => c.Proposal == proposalId && c.ActionIndex == actionIndex)) return Record(Now);
        Refuse.Unless(Names.TryParseProposalId(proposalId ?? "", out var dao, out _) && dao == _dao, GovernanceError.NotAuthorized,
            $"'{proposalId}' is not a proposal of '{_dao}'");
        // The proposal is reentrant, so it answers while its DAO executes it (the DAO asks it the same way).
        var proposal = await GrainFactory.GetGrain<IProposalGrain>(proposalId!).GetInfo();
        Refuse.Unless(PersonhoodRules.DecidedBy(proposal, _dao, _address, actionIndex, attested, clock.GetUtcNow()),
            GovernanceError.NotAuthorized,
            $"'{proposalId}' has not decided setPersonhood({_address}, {attested}) as action {actionIndex} (it is {proposal.State})");
        return await Append(new PersonhoodChange { Attested = attested, Proposal = proposalId, ActionIndex = actionIndex });
    }

    public Task<bool> IsAttestedAt(long timepoint) => Task.FromResult(PersonhoodRules.IsAttestedAt(History, timepoint));

    public Task<PersonhoodRecord> GetRecord(long timepoint) => Task.FromResult(Record(timepoint));

    private async Task<PersonhoodRecord> Append(PersonhoodChange change)
    {
        // From now on, never at a signed (older) timestamp: a snapshot already read must stay as it was.
        change = change with { At = PersonhoodRules.EffectiveAt(History, Now) };
        History.Add(change);
        var (act, cause) = (change.Attested ? AuditActs.PersonhoodAttested : AuditActs.PersonhoodRevoked,
            $"personhood:{_dao}/{_address}#{History.Count}");
        var detail = $"{(change.Attested ? "attested" : "revoked")} {_address} in '{_dao}'";
        state.State.AuditOutbox.Add(change.Attester is { } signer
            ? AuditTrail.BySigner(signer, cause, clock.GetUtcNow(), act, _address, detail)
            : AuditTrail.ByProposal(change.Proposal!, cause, clock.GetUtcNow(), act, _address, $"{detail} (action {change.ActionIndex})"));
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            History.RemoveAt(History.Count - 1);
            state.State.AuditOutbox.RemoveAt(state.State.AuditOutbox.Count - 1);
            throw;
        }
        await Audit.Deliver();
        log.PersonhoodChanged(_dao, _address, change.Attested, change.Attester ?? change.Proposal!);
        return Record(change.At);
    }

    private PersonhoodRecord Record(long timepoint) => PersonhoodRules.Record(_dao, _address, History, timepoint);
}
