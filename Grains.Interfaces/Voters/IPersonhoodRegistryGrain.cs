namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A DAO's registry of addresses attested as unique people, keyed by the DAO path: the gate of quadratic classes. Changed
/// only by the DAO's committee (signed attestations) or by executed proposals; read at a snapshot like power.
/// </summary>
[Alias("bt.IPersonhoodRegistryGrain")]
public interface IPersonhoodRegistryGrain : IGrainWithStringKey
{
    /// <summary>Whether <paramref name="address"/> (lower-case 0x) was attested at <paramref name="timepoint"/> (unix seconds).</summary>
    [Alias("IsAttestedAt")] Task<bool> IsAttestedAt(string address, long timepoint);
}
