using System.Numerics;

namespace Blocktrack.Gateway;

/// <summary>An address's reputation in a domain at a timepoint, decayed to it.</summary>
public sealed record ReputationView(string Address, string Domain, long At, BigInteger Reputation);
