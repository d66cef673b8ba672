namespace Blocktrack.Grains.Chains;

/// <summary>A Governor contract and the read-only mirror path its proposals are shown under.</summary>
public sealed class MirroredGovernor
{
    public string Address { get; set; } = "";
    public string Dao { get; set; } = "";
}
