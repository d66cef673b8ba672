using System.Numerics;

namespace Blocktrack.Gateway;

/// <summary>Votes delegated to an address at a timepoint.</summary>
public sealed record VotesView(string Address, string Token, long At, BigInteger Votes);
