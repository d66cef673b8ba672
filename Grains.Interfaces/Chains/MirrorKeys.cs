using System.Globalization;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Keys of the mirror grains: <c>{chainId}/{governor}</c> and <c>{chainId}/{governor}/{proposalId}</c> (address
/// lower-case, id decimal).
/// </summary>
public static class MirrorKeys
{
    public static string Governor(long chainId, string governor) =>
        string.Create(CultureInfo.InvariantCulture, $"{chainId}/{governor.ToLowerInvariant()}");

    public static string Proposal(long chainId, string governor, string proposalId) => $"{Governor(chainId, governor)}/{proposalId}";

    /// <summary>Splits a governor or proposal key; the proposal id is empty for a governor key.</summary>
    public static (long ChainId, string Governor, string ProposalId) Parse(string key)
    {
        var parts = key.Split('/');
        if (parts.Length is < 2 or > 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var chainId))
            throw new FormatException($"'{key}' is not a mirror key ({{chainId}}/{{governor}}[/{{proposalId}}]).");
        return (chainId, parts[1], parts.Length == 3 ? parts[2] : "");
    }
}
