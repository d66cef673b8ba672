namespace Blocktrack.Grains.Interfaces;

/// <summary>Stable reasons a governance call is refused; the Gateway maps each to a problem-details code.</summary>
public enum GovernanceError
{
    InvalidArgument,
    DaoNotFound,
    DaoExists,
    ProposalNotFound,
    UnknownClass,
    ProposalNotActive,
    InvalidState,
    AlreadyVoted,
    StaleBallot,
    InsufficientPower,
    BelowProposalThreshold,
    NotAuthorized,
    ConstitutionViolation,
    ActionNotAllowed,
    InsufficientFunds,
    Replayed,
    StaleTimepoint,
}
