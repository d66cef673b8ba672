namespace Blocktrack.Grains.Interfaces;

/// <summary>What a committee member (or an executed proposal) decides about a grant. Persisted: explicit values.</summary>
public enum GrantDecision
{
    /// <summary>Approves an application: the grant reserves its amount from the program's budget.</summary>
    Approve = 1,

    /// <summary>Rejects an application (nothing is reserved).</summary>
    Reject = 2,

    /// <summary>Cancels an approved grant: its unpaid tranches return to the program; paid ones stay paid.</summary>
    Cancel = 3,
}

/// <summary>Where a grant stands. Persisted: explicit values.</summary>
public enum GrantStatus
{
    Pending = 0,
    Active = 1,
    Rejected = 2,
    Completed = 3,
    Canceled = 4,
}

/// <summary>Where a milestone stands. Persisted: explicit values.</summary>
public enum MilestoneStatus
{
    Planned = 0,
    Submitted = 1,
    Rejected = 2,
    Paid = 3,
    Canceled = 4,
}
