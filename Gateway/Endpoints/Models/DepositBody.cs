using System.Numerics;

namespace Blocktrack.Gateway;

/// <summary>Body of <c>POST /daos/{path}/deposits</c>: funds arriving in the treasury; the reference makes it idempotent.</summary>
public sealed record DepositBody(string Reference, string Asset, BigInteger Amount);
