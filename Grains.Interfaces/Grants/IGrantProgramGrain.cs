using System.Collections.Immutable;
using System.Numerics;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A grant program of a DAO, keyed <c>{dao}/programs/{n}</c>: its terms, its budget ledger and the index of its grants.
/// Opened by the DAO when a proposal's <c>openGrantProgram</c> executes; closed by a reminder at its end.
/// </summary>
[Alias("bt.IGrantProgramGrain")]
public interface IGrantProgramGrain : IGrainWithStringKey
{
    /// <summary>Opens the program with its budget already drawn from the DAO's treasury; idempotent per opening proposal.</summary>
    [Alias("Open")] Task<GrantProgramInfo> Open(GrantProgramTerms terms, string openedBy);

    /// <summary>Takes a signed application (within the window, at most the largest grant, a valid plan); idempotent per digest.</summary>
    [Alias("Apply")] Task<GrantInfo> Apply(GrantApplication application);

    [AlwaysInterleave, Alias("GetInfo")] Task<GrantProgramInfo> GetInfo(int offset, int limit);

    /// <summary>Reserves an approved grant's amount from the free budget; refused (insufficient-funds) past it. Idempotent per grant.</summary>
    [Alias("Reserve")] Task Reserve(long grant, BigInteger amount, ImmutableArray<int> sdgs);

    /// <summary>
    /// Pays milestone <paramref name="milestone"/>'s tranche from the grant's reservation: a ledger payment, or an ERC-20
    /// transfer through the DAO's timelock when the asset is held on chain. Idempotent per (grant, milestone).
    /// </summary>
    [Alias("Pay")] Task<ChainTransaction?> Pay(long grant, int milestone, BigInteger amount, string recipient);

    /// <summary>Returns what a canceled grant had reserved and not paid; idempotent per grant.</summary>
    [Alias("Release")] Task Release(long grant, BigInteger amount);

    /// <summary>A grant reports where it stands, for the index.</summary>
    [Alias("Track")] Task Track(GrantSummary summary);

    /// <summary>Closes the program if its end has come (a reminder does this by itself): the free budget goes back to the treasury.</summary>
    [Alias("Tick")] Task<GrantProgramInfo> Tick();
}
