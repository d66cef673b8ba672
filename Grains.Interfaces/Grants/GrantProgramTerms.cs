using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// What a grant program is: its budget (one asset, drawn from the DAO's treasury when the program opens), the window in
/// which applications are taken, when it ends (unspent budget returns to the treasury), how many of the DAO's committee
/// members must agree on a decision, the largest grant and the SDGs it serves.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.GrantProgramTerms")]
public sealed record GrantProgramTerms
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public string Asset { get; init; } = "";
    [Id(2)] public BigInteger Budget { get; init; }

    /// <summary>Unix seconds: applications are taken from <see cref="ApplicationsOpen"/> until <see cref="ApplicationsClose"/>.</summary>
    [Id(3)] public long ApplicationsOpen { get; init; }

    [Id(4)] public long ApplicationsClose { get; init; }

    /// <summary>Unix seconds: the program closes and its free budget returns to the treasury; milestones may fall due until then.</summary>
    [Id(5)] public long EndsAt { get; init; }

    /// <summary>
    /// Committee members of the program's DAO who must approve (or reject, or cancel) for a decision to be taken; an
    /// executed proposal of the DAO (<c>decideGrant</c>) decides on its own, e.g. a whitelist-power committee vote.
    /// </summary>
    [Id(6)] public int Approvals { get; init; } = 1;

    [Id(7)] public BigInteger MaxGrant { get; init; }

    /// <summary>UN Sustainable Development Goals (1..17) the program serves.</summary>
    [Id(8)] public ImmutableArray<int> Sdgs { get; init; } = [];
}
