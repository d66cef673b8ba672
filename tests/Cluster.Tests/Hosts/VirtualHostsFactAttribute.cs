namespace Blocktrack.Cluster.Tests;

/// <summary>A fact that needs virtual hosts: skipped, saying why, where they cannot be made (not root, no iproute2).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class VirtualHostsFactAttribute : FactAttribute
{
    public VirtualHostsFactAttribute()
    {
        if (VirtualNetwork.Unavailable() is { } reason) Skip = reason;
    }
}
