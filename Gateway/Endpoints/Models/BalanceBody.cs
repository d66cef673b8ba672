using System.Numerics;

namespace Blocktrack.Gateway;

/// <summary>Body of <c>POST /voters/{address}/balances</c>: the address's token balance as of a timepoint (unix seconds).</summary>
public sealed record BalanceBody(string Token, long Timepoint, BigInteger Balance);
