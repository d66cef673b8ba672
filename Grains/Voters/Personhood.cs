using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Voters;

/// <summary>Reads personhood registries for the ballot path.</summary>
public static class Personhood
{
    /// <summary>
    /// Whether <paramref name="address"/> (lower-case 0x) was attested as a unique person in <paramref name="registryDao"/>'s
    /// registry at <paramref name="timepoint"/> (unix seconds, e.g. a proposal's snapshot). One grain call, O(log k) in
    /// the address's own changes.
    /// </summary>
    public static Task<bool> IsAttestedAt(IGrainFactory grains, string registryDao, string address, long timepoint) =>
        grains.GetGrain<IPersonhoodGrain>(Names.PersonhoodKey(registryDao, address)).IsAttestedAt(timepoint);
}
