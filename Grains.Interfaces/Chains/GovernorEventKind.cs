namespace Blocktrack.Grains.Interfaces;

/// <summary>The OpenZeppelin Governor events the cluster mirrors.</summary>
public enum GovernorEventKind
{
    /// <summary>ProposalCreated.</summary>
    Created,
    /// <summary>VoteCast or VoteCastWithParams.</summary>
    VoteCast,
    /// <summary>ProposalCanceled.</summary>
    Canceled,
    /// <summary>ProposalQueued.</summary>
    Queued,
    /// <summary>ProposalExecuted.</summary>
    Executed,
}
