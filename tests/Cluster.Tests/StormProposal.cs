using System.Numerics;

namespace Blocktrack.Cluster.Tests;

/// <summary>A proposal of a storm test: it pays <see cref="Amount"/> BTK to <see cref="Recipient"/> once executed.</summary>
public sealed record StormProposal(string Id, string Recipient, BigInteger Amount, DateTimeOffset Deadline, int Shards);
