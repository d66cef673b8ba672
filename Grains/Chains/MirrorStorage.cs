namespace Blocktrack.Grains.Chains;

/// <summary>State names of the mirror grains, in the governance storage provider (unique beside <see cref="GovernanceStorage"/>'s).</summary>
public static class MirrorStorage
{
    public const string GovernorState = "mirrored-governor";
    public const string ProposalState = "mirrored-proposal";
}
