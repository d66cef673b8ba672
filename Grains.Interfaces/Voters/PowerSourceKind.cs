namespace Blocktrack.Grains.Interfaces;

/// <summary>Where a proposal class reads voting power from. Persisted inside constitutions: new members go at the end.</summary>
public enum PowerSourceKind
{
    /// <summary>Delegated token votes (ERC20Votes semantics) at the snapshot.</summary>
    TokenVotes = 0,

    /// <summary>A fixed list of addresses with weights (Snapshot's whitelist strategy).</summary>
    Whitelist = 1,

    /// <summary>
    /// Time-locked BTK (Curve veCRV semantics) mirrored from a VotingEscrow contract: <see cref="PowerSource.Token"/>
    /// names it.
    /// </summary>
    VoteEscrow = 2,

    /// <summary>Reputation in <see cref="PowerSource.Domain"/> (the proposal's DAO when empty), decayed to the snapshot.</summary>
    Reputation = 3,
}
