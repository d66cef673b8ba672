using System.Collections.Immutable;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>A page of a proposal's ballots, one per voter, ordered by voter address.</summary>
public sealed record BallotPage(ImmutableArray<Ballot> Items, int Offset, int Limit)
{
    /// <summary>Voters on this page whose reason a moderator hid: withheld (empty) unless <c>?include=hidden</c>.</summary>
    public ImmutableArray<string> Hidden { get; init; } = [];
}
