namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A DAO's registry of addresses attested as unique people, keyed by the DAO path: the gate of quadratic classes. It
/// holds no state of its own (a stateless router): each address is its own <see cref="IPersonhoodGrain"/>
/// (<c>{dao}/{address}</c>), which is where changes are made and checked.
/// </summary>
[Alias("bt.IPersonhoodRegistryGrain")]
public interface IPersonhoodRegistryGrain : IGrainWithStringKey
{
    /// <summary>Whether <paramref name="address"/> (lower-case 0x) was attested at <paramref name="timepoint"/> (unix seconds).</summary>
    [Alias("IsAttestedAt")] Task<bool> IsAttestedAt(string address, long timepoint);
}
