namespace Blocktrack.Grains.Chains;

/// <summary>A VotingEscrow contract and the token id its locks are mirrored under, such as <c>vebtk@412346</c>.</summary>
public sealed class MirroredEscrow
{
    public string Address { get; set; } = "";
    public string Token { get; set; } = "";
}
