namespace Blocktrack.Grains.Interfaces;

/// <summary>Addresses inside the cluster are canonical: lower-case, 0x-prefixed, 20 bytes.</summary>
public static class Addresses
{
    public const string Zero = "0x0000000000000000000000000000000000000000";

    public static bool IsCanonical(string? address)
    {
        if (address is null || address.Length != 42 || !address.StartsWith("0x", StringComparison.Ordinal)) return false;
        foreach (var ch in address.AsSpan(2))
        {
            if (!char.IsAsciiDigit(ch) && ch is not (>= 'a' and <= 'f')) return false;
        }
        return true;
    }

    /// <summary>Throws <c>InvalidArgument</c> unless the address is canonical.</summary>
    public static string Require(string? address, string what) =>
        IsCanonical(address)
            ? address!
            : throw new GovernanceException(GovernanceError.InvalidArgument,
                $"{what} must be a lower-case 0x address of 20 bytes, got '{address}'");
}
