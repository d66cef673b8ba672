using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>One bound asset of one DAO's account, as a chain's watcher mirrors it.</summary>
[GenerateSerializer, Immutable, Alias("bt.BoundAccount")]
public sealed record BoundAccount
{
    [Id(0)] public string Dao { get; init; } = "";
    [Id(1)] public string Account { get; init; } = "";
    [Id(2)] public string Asset { get; init; } = "";
    [Id(3)] public string Token { get; init; } = "";

    /// <summary>The block whose balance opened the mirror; transfers up to it are in that balance. Null: not opened yet.</summary>
    [Id(4)] public long? OpenedAt { get; init; }
}

/// <summary>
/// The treasury accounts bound on one chain (key: chain id): which DAO each account belongs to — at most one — and
/// where its watcher's mirror of each asset started.
/// </summary>
[Alias("bt.ITreasuryRegistryGrain")]
public interface ITreasuryRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Binds the DAO's account and assets; idempotent. Refused with <see cref="GovernanceError.TreasuryAccountTaken"/>
    /// when another DAO holds the account, or when a bound asset would change its token.
    /// </summary>
    [Alias("Bind")] Task Bind(string dao, TreasuryBinding binding);

    /// <summary>Every bound asset on this chain.</summary>
    [Alias("GetBound")] Task<ImmutableArray<BoundAccount>> GetBound();

    /// <summary>Records where the mirror of a DAO's asset opened.</summary>
    [Alias("Opened")] Task Opened(string dao, string asset, long block);

    /// <summary>After a reorg from <paramref name="fromBlock"/>: mirrors opened at or after it open again.</summary>
    [Alias("Reopen")] Task Reopen(long fromBlock);
}
