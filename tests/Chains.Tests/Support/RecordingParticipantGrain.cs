using System.Collections.Concurrent;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>What the chain watcher told a participant grain.</summary>
public sealed record ParticipantCall(string Participant, string Method, long Chain, long Block, string? Badge, string? Transaction,
    string? TokenId);

/// <summary>
/// Stands in for the participant grain so the badge mirror can be tested before that grain exists. Orleans picks an
/// interface's implementation named like it (<c>ParticipantGrain</c>) over any other, so once the real grain is in the
/// cluster this one is no longer chosen: <see cref="BadgeMirrorTests"/> then reads the mirrored mints with GetInfo instead.
/// </summary>
public sealed class RecordingParticipantGrain : Grain, IParticipantGrain
{
    public static readonly ConcurrentQueue<ParticipantCall> Calls = new();

    public Task Record(ParticipantFact fact) => Task.CompletedTask;

    public Task<ParticipantInfo> GetInfo() => Task.FromResult(new ParticipantInfo());

    public Task BadgeMinted(string badge, long chain, long block, string transaction, string tokenId)
    {
        Calls.Enqueue(new ParticipantCall(this.GetPrimaryKeyString(), nameof(BadgeMinted), chain, block, badge, transaction, tokenId));
        return Task.CompletedTask;
    }

    public Task RollbackBadges(long chain, long fromBlock)
    {
        Calls.Enqueue(new ParticipantCall(this.GetPrimaryKeyString(), nameof(RollbackBadges), chain, fromBlock, null, null, null));
        return Task.CompletedTask;
    }
}
