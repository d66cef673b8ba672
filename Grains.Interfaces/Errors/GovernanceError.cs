namespace Blocktrack.Grains.Interfaces;

/// <summary>Stable reasons a governance call is refused; the Gateway maps each to a problem-details code.</summary>
public enum GovernanceError
{
    InvalidArgument = 0,
    DaoNotFound = 1,
    DaoExists = 2,
    ProposalNotFound = 3,
    UnknownClass = 4,
    ProposalNotActive = 5,
    InvalidState = 6,
    AlreadyVoted = 7,
    StaleBallot = 8,
    InsufficientPower = 9,
    BelowProposalThreshold = 10,
    NotAuthorized = 11,
    ConstitutionViolation = 12,
    ActionNotAllowed = 13,
    InsufficientFunds = 14,
    Replayed = 15,
    StaleTimepoint = 16,
    InvalidChoice = 17,
    NotAttested = 18,
    BallotNotFound = 19,
    EpochClosed = 20,
    EpochNotFound = 21,
    ChainOwned = 22,
    OperatorRetired = 23,
    TreasuryAccountTaken = 24,
    AccountNotControlled = 25,
}
