using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// An address's ballots on the closed proposals of a DAO and the DAOs below it, newest closing first, as the DAO's analytics
/// indexed them when each proposal's sealed ballots were read (<c>total</c>: how many are kept, the newest 1,000).
/// </summary>
public sealed record VoterBallotPage(string Address, string Dao, ImmutableArray<VoterBallot> Items, int Total, int Offset, int Limit);

/// <summary>
/// One ballot as its sealed shard holds it, with the proposal it was cast on; a reason a moderator hid is withheld
/// (empty, <c>reasonHidden</c> true) as in the proposal's own ballot list.
/// </summary>
public sealed record VoterBallot(
    string Proposal,
    string Dao,
    long ClosedAt,
    Support Support,
    ImmutableArray<ushort> Choices,
    ImmutableArray<ulong> Weights,
    BigInteger Weight,
    BigInteger Power,
    string Reason,
    bool ReasonHidden,
    long Timestamp,
    DateTimeOffset RecordedAt);
