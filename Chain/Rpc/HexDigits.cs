namespace Blocktrack.Chain.Rpc;

/// <summary>Span helper kept apart so <see cref="HexQuantity"/> reads as a one-liner.</summary>
internal static class HexDigits
{
    public static bool ContainsOnlyHexDigits(this ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }
        return true;
    }
}
