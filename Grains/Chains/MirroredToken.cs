namespace Blocktrack.Grains.Chains;

/// <summary>An ERC20Votes contract and the token id its votes are mirrored under.</summary>
public sealed class MirroredToken
{
    public string Address { get; set; } = "";
    public string Token { get; set; } = "";
}
