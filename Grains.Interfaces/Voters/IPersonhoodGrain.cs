using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One entry of a DAO's personhood registry (the gate of quadratic classes): whether an address is attested as a unique
/// person, keyed <c>{dao}/{address}</c> (<see cref="Names.PersonhoodKey"/>), so a registry of millions of people is
/// millions of small grains and a check reads one. Changed only by the DAO's committee (signed attestations, checked
/// here with the DAO) or by the DAO's executed proposals; every change is kept, so it reads at a snapshot like power.
/// </summary>
[Alias("bt.IPersonhoodGrain")]
public interface IPersonhoodGrain : IGrainWithStringKey
{
    /// <summary>
    /// A committee member of the DAO attests (or revokes) the address from now on. <paramref name="digest"/> (the signed
    /// message's identity) makes it idempotent; <paramref name="signature"/> is kept so anyone can re-verify it.
    /// </summary>
    [Alias("AttestByCommittee")]
    Task<PersonhoodRecord> AttestByCommittee(string attester, bool attested, string digest, string signature);

    /// <summary>
    /// The DAO's executed proposal attests (or revokes) the address from now on; idempotent per (proposal, action).
    /// Accepted only for a <see cref="SetPersonhood"/> action of this DAO's proposal that is executing or executed.
    /// </summary>
    [Alias("AttestByProposal")] Task<PersonhoodRecord> AttestByProposal(string proposalId, int actionIndex, bool attested);

    /// <summary>Whether the address was attested at <paramref name="timepoint"/> (unix seconds); O(log changes).</summary>
    [AlwaysInterleave, Alias("IsAttestedAt")] Task<bool> IsAttestedAt(long timepoint);

    /// <summary>The entry at <paramref name="timepoint"/>: attested or not, since when, and every change up to then.</summary>
    [AlwaysInterleave, Alias("GetRecord")] Task<PersonhoodRecord> GetRecord(long timepoint);
}
