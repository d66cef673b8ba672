using System.Numerics;

namespace Blocktrack.Gateway;

/// <summary>
/// An address's lock in a mirrored vote escrow at a timepoint, and the power it gives then (the contract's
/// <c>balanceOfAt</c>); amount and unlock are 0 without a lock.
/// </summary>
public sealed record EscrowPowerView(string Address, string Escrow, long At, BigInteger Amount, long UnlockTime, BigInteger Power);
