namespace Blocktrack.Grains.Interfaces;

/// <summary>The OpenZeppelin Governor lifecycle plus <see cref="Vetoed"/>.</summary>
public enum ProposalState
{
    Pending = 0,
    Active = 1,
    Canceled = 2,
    Defeated = 3,
    Succeeded = 4,
    Queued = 5,
    Expired = 6,
    Executed = 7,
    Vetoed = 8,
}
