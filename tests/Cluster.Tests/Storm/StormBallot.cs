using System.Numerics;

namespace Blocktrack.Cluster.Tests;

/// <summary>One pre-signed ballot of a storm and what it should add to the tally once acknowledged.</summary>
public sealed record StormBallot(string Proposal, TestKey Voter, int Support, BigInteger Weight, SignedMessage Signed);
