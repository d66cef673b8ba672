namespace Blocktrack.Gateway;

/// <summary>The EIP-712 type strings clients sign — the single source for hashing, the /eip712 endpoint and the docs.</summary>
public static class SignedTypes
{
    public const string DomainName = "Blocktrack Governance";
    public const string DomainVersion = "1";
    public const string Domain = "EIP712Domain(string name,string version,uint256 chainId)";

    public const string Ballot = "Ballot(address voter,string proposal,uint8 support,string reason,uint64 timestamp)";
    public const string ChoiceBallot =
        "ChoiceBallot(address voter,string proposal,uint16[] choices,uint64[] weights,string reason,uint64 timestamp)";
    public const string Proposal =
        "Proposal(address proposer,string dao,string class,string title,string description,string actions,uint64 timestamp)";
    public const string ChoiceProposal =
        "ChoiceProposal(address proposer,string dao,string class,string title,string description,string choices,uint64 timestamp)";
    public const string Delegation = "Delegation(address delegator,address delegatee,string token,uint64 timestamp)";
    public const string Cancel = "Cancel(address proposer,string proposal,uint64 timestamp)";
    public const string Veto = "Veto(address guardian,string proposal,string reason,uint64 timestamp)";
    public const string Moderation =
        "Moderation(address moderator,string dao,string proposal,address voter,bool hidden,string reason,uint64 timestamp)";
    public const string CommitteeChange = "CommitteeChange(address coordinator,string dao,address member,bool granted,uint64 timestamp)";
    public const string ModeratorChange =
        "ModeratorChange(address appointer,string dao,address moderator,bool granted,uint64 timestamp)";
    public const string Attestation = "Attestation(address attester,string dao,address subject,bool attested,uint64 timestamp)";

    public const string GrantApplication =
        "GrantApplication(address applicant,string dao,uint64 program,string title,string description,uint256 amount,address recipient,"
        + "string milestones,uint16[] sdgs,uint64 timestamp)";
    public const string GrantReview =
        "GrantReview(address reviewer,string dao,uint64 program,uint64 grant,string decision,string reason,uint64 timestamp)";
    public const string MilestoneSubmission =
        "MilestoneSubmission(address grantee,string dao,uint64 program,uint64 grant,uint16 milestone,string evidence,"
        + "bytes32 evidenceHash,uint64 timestamp)";
    public const string MilestoneReview =
        "MilestoneReview(address reviewer,string dao,uint64 program,uint64 grant,uint16 milestone,bool approved,string reason,"
        + "uint64 timestamp)";

    /// <summary>The primary types a request may carry (the domain type is not one of them).</summary>
    public static IReadOnlyList<string> Messages { get; } =
        [Ballot, ChoiceBallot, Proposal, ChoiceProposal, Delegation, Cancel, Veto, CommitteeChange, ModeratorChange, Attestation,
            Moderation, GrantApplication, GrantReview, MilestoneSubmission, MilestoneReview];
}
