using System.Collections.Concurrent;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Persistence;

/// <summary>The ballot log of the in-memory profile: survives grain deactivation, not the process.</summary>
public sealed class InMemoryBallotLog : IBallotLog
{
    private readonly ConcurrentDictionary<string, List<Ballot>> _logs = new(StringComparer.Ordinal);

    public Task AppendAsync(string proposalId, IReadOnlyList<Ballot> batch, CancellationToken cancellationToken = default)
    {
        var log = _logs.GetOrAdd(proposalId, _ => []);
        lock (log) log.AddRange(batch);
        return Task.CompletedTask;
    }

    public Task<long> CountAsync(string proposalId, CancellationToken cancellationToken = default)
    {
        if (!_logs.TryGetValue(proposalId, out var log)) return Task.FromResult(0L);
        lock (log) return Task.FromResult((long)log.Count);
    }

    public Task<IReadOnlyList<Ballot>> ReadAsync(string proposalId, CancellationToken cancellationToken = default)
    {
        if (!_logs.TryGetValue(proposalId, out var log)) return Task.FromResult<IReadOnlyList<Ballot>>([]);
        lock (log) return Task.FromResult<IReadOnlyList<Ballot>>(log.ToArray());
    }
}
