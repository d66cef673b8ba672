namespace Blocktrack.Grains.Interfaces;

/// <summary>How a proposal's vote ended, as analytics counts it (at its close). Persisted: numbers never change.</summary>
public enum ProposalOutcome
{
    Passed = 1,

    /// <summary>Defeated because quorum was not reached.</summary>
    NoQuorum = 2,

    /// <summary>Quorum reached, defeated on the votes (For ≤ Against or below the approval threshold).</summary>
    Rejected = 3,

    /// <summary>Canceled by its proposer before voting opened: no vote.</summary>
    Canceled = 4,
}
