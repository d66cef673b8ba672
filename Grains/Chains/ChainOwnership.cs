using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// Token ids whose balances, delegations and supply only a chain watcher writes: any id naming a chain
/// (<c>btk@412346</c>) and any token or escrow a configured chain mirrors. No operator feed, deposit or off-chain
/// delegation may touch them, whatever the edge lets through.
/// </summary>
public static class ChainOwnership
{
    public static bool Owns(this ChainsOptions chains, string token) =>
        Names.ChainOf(token) is not null
        || chains.Chains.Any(c => c.Tokens.Any(t => t.Token == token) || c.Escrows.Any(e => e.Token == token));

    /// <summary>Refuses <paramref name="what"/> on a chain-owned token with <see cref="GovernanceError.ChainOwned"/>.</summary>
    public static void RequireOffChain(this ChainsOptions chains, string token, string what) =>
        Refuse.Unless(!chains.Owns(token), GovernanceError.ChainOwned,
            $"'{token}' is mirrored from a chain: only its chain watcher writes it ({what} is done on the chain itself)");
}
