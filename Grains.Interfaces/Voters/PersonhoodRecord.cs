using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>An address in a DAO's personhood registry as of <see cref="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("bt.PersonhoodRecord")]
public sealed record PersonhoodRecord
{
    /// <summary>The DAO whose registry this is.</summary>
    [Id(0)] public string Dao { get; init; } = "";
    [Id(1)] public string Address { get; init; } = "";

    /// <summary>Unix seconds the record is read at.</summary>
    [Id(2)] public long At { get; init; }
    [Id(3)] public bool Attested { get; init; }

    /// <summary>Timepoint of the change in force at <see cref="At"/>; null when the address was never attested or revoked.</summary>
    [Id(4)] public long? Since { get; init; }

    /// <summary>Every change up to <see cref="At"/>, oldest first.</summary>
    [Id(5)] public ImmutableArray<PersonhoodChange> History { get; init; } = [];
}
