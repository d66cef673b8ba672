using System.Numerics;

namespace Blocktrack.Cluster.Harness;

/// <summary>One pre-signed ballot of a storm and what it should add to the tally once acknowledged.</summary>
public sealed record StormBallot(string Proposal, Account Voter, int Support, BigInteger Weight, SignedMessage Signed);
