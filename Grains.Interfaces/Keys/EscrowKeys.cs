namespace Blocktrack.Grains.Interfaces;

/// <summary>Keys of the lock grains of a mirrored vote escrow: <c>{escrow}/{owner}</c>, e.g. <c>vebtk@412346/0x70997970…</c>.</summary>
public static class EscrowKeys
{
    public static string Lock(string escrow, string owner) => $"{escrow}/{owner.ToLowerInvariant()}";

    /// <summary>Splits a lock key; throws <c>InvalidArgument</c> unless it is an escrow token id and a canonical address.</summary>
    public static (string Escrow, string Owner) Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        var escrow = slash < 0 ? "" : key[..slash];
        if (!Names.IsToken(escrow))
            throw new GovernanceException(GovernanceError.InvalidArgument, $"'{key}' is not an escrow lock key ({{escrow}}/{{owner}})");
        return (escrow, Addresses.Require(key[(slash + 1)..], "escrow lock owner"));
    }
}
