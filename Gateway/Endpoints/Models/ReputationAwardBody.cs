using System.Numerics;

namespace Blocktrack.Gateway;

/// <summary>
/// Body of <c>POST /reputation/awards</c>: reputation for <paramref name="Address"/> in <paramref name="Domain"/> (a DAO
/// path), idempotent by <paramref name="Cause"/>; <paramref name="At"/> in unix seconds, omitted = now.
/// </summary>
public sealed record ReputationAwardBody(string Domain, string Address, string Cause, BigInteger Amount, long? At = null);
