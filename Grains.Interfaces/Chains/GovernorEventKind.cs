namespace Blocktrack.Grains.Interfaces;

/// <summary>The OpenZeppelin Governor events the cluster mirrors.</summary>
public enum GovernorEventKind
{
    /// <summary>ProposalCreated.</summary>
    Created = 0,
    /// <summary>VoteCast or VoteCastWithParams.</summary>
    VoteCast = 1,
    /// <summary>ProposalCanceled.</summary>
    Canceled = 2,
    /// <summary>ProposalQueued.</summary>
    Queued = 3,
    /// <summary>ProposalExecuted.</summary>
    Executed = 4,
}
