namespace Blocktrack.Grains.Interfaces;

/// <summary>The OpenZeppelin Governor lifecycle plus <see cref="Vetoed"/>.</summary>
public enum ProposalState
{
    Pending,
    Active,
    Canceled,
    Defeated,
    Succeeded,
    Queued,
    Expired,
    Executed,
    Vetoed,
}
