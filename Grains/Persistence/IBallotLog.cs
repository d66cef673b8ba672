using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Persistence;

/// <summary>
/// Append-only ballots per proposal: O(1) work per ballot, written in batches. A voter's later ballot
/// supersedes its earlier one; the tally is recomputed from the log on activation.
/// </summary>
public interface IBallotLog
{
    /// <summary>Durably appends a batch; returns only once all of it is durable.</summary>
    Task AppendAsync(string proposalId, IReadOnlyList<Ballot> batch, CancellationToken cancellationToken = default);

    /// <summary>How many ballots the log holds (cheap: no ballot is read).</summary>
    Task<long> CountAsync(string proposalId, CancellationToken cancellationToken = default);

    /// <summary>Every ballot of the proposal in append order.</summary>
    Task<IReadOnlyList<Ballot>> ReadAsync(string proposalId, CancellationToken cancellationToken = default);
}
