using System.Collections.Immutable;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>A page of a proposal's ballots, one per voter, ordered by voter address.</summary>
public sealed record BallotPage(ImmutableArray<Ballot> Items, int Offset, int Limit);
