using Blocktrack.Grains.Interfaces;
using Orleans.Serialization;

namespace Blocktrack.Grains.Persistence;

/// <summary>
/// A ballot-log row's payload. A row holds every ballot one shard appended in one batch: a row of one ballot is that
/// ballot, Orleans-serialized (as every row was before rows held batches, so those still read), and a row of several
/// is the array of them; the row's count says which. Storing a batch as one row spares the store a row, two index
/// entries and a sequence number per ballot.
/// </summary>
public sealed class BallotRows(Serializer<Ballot> one, Serializer<Ballot[]> many)
{
    public byte[] Encode(IReadOnlyList<Ballot> ballots) => ballots.Count switch
    {
        0 => throw new ArgumentException("A ballot-log row holds at least one ballot.", nameof(ballots)),
        1 => one.SerializeToArray(ballots[0]),
        _ => many.SerializeToArray(ballots as Ballot[] ?? [.. ballots]),
    };

    /// <summary>The ballots of a row of <paramref name="log"/> said to hold <paramref name="count"/>; refuses a row that does not.</summary>
    public Ballot[] Decode(string log, byte[] payload, int count)
    {
        var ballots = count == 1 ? new[] { one.Deserialize(payload) } : many.Deserialize(payload);
        if (count < 1 || ballots is null || ballots.Length != count || Array.Exists(ballots, b => b is null))
            throw new InvalidDataException(
                $"A row of ballot log '{log}' says it holds {count} ballot(s) but decodes to {ballots?.Length ?? 0}.");
        return Array.ConvertAll(ballots, b => b!);
    }
}
