namespace Blocktrack.Grains.Interfaces;

/// <summary>Where a proposal class reads voting power from.</summary>
public enum PowerSourceKind
{
    /// <summary>Delegated token votes (ERC20Votes semantics) at the snapshot.</summary>
    TokenVotes = 0,
    /// <summary>A fixed list of addresses with weights (Snapshot's whitelist strategy).</summary>
    Whitelist = 1,
}
