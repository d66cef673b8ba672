using System.Collections.Immutable;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// One shard's Merkle tree (see <see cref="BallotSetHash"/>) kept level by level, so a sealed shard answers a proof by
/// walking ⌈log₂ n⌉ levels instead of rebuilding the tree per request. Built once a shard's ballots can no longer change.
/// </summary>
public sealed class BallotTree
{
    private readonly byte[][][] _levels;
    private readonly Dictionary<string, int> _positions;

    private BallotTree(byte[][][] levels, Dictionary<string, int> positions)
    {
        _levels = levels;
        _positions = positions;
    }

    /// <summary>The tree of a set with one ballot per voter; a voter appearing twice is an error (a proof would be ambiguous).</summary>
    public static BallotTree Build(IEnumerable<Ballot> ballots) => Build(ballots, b => b.Voter, BallotSetHash.Leaf);

    /// <summary>The tree over any form of a set's ballots, given each one's voter and leaf.</summary>
    public static BallotTree Build<T>(IEnumerable<T> ballots, Func<T, string> voterOf, Func<T, byte[]> leafOf)
    {
        var sorted = ballots.OrderBy(voterOf, StringComparer.Ordinal).ToArray();
        var positions = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!positions.TryAdd(voterOf(sorted[i]), i))
                throw new ArgumentException($"{voterOf(sorted[i])} has more than one ballot in the set", nameof(ballots));
        }
        var levels = new List<byte[][]> { sorted.Select(leafOf).ToArray() };
        while (levels[^1].Length > 1)
        {
            var below = levels[^1];
            var level = new byte[(below.Length + 1) / 2][];
            for (var i = 0; i < level.Length; i++)
                level[i] = 2 * i + 1 < below.Length ? BallotSetHash.HashPair(below[2 * i], below[2 * i + 1]) : below[2 * i];
            levels.Add(level);
        }
        return new BallotTree([.. levels], positions);
    }

    /// <summary>How many ballots the tree holds.</summary>
    public int Count => _levels[0].Length;

    /// <summary>The root (0x hex): the same value as <see cref="BallotSetHash.Compute"/> over the same ballots.</summary>
    public string Root => Count == 0 ? BallotSetHash.EmptyRoot : Hex.ToHex(_levels[^1][0]);

    /// <summary>Whether <paramref name="voter"/> has a ballot in the tree.</summary>
    public bool Contains(string voter) => _positions.ContainsKey(voter);

    /// <summary>The voter's leaf, or null when the voter has no ballot here.</summary>
    public byte[]? LeafOf(string voter) => _positions.TryGetValue(voter, out var i) ? _levels[0][i] : null;

    /// <summary>
    /// The siblings from the voter's leaf up to the root, lowest first; a level where the voter's node is carried up unpaired
    /// contributes nothing. Null when the voter has no ballot here.
    /// </summary>
    public ImmutableArray<byte[]>? ProofOf(string voter)
    {
        if (!_positions.TryGetValue(voter, out var index)) return null;
        var proof = ImmutableArray.CreateBuilder<byte[]>();
        for (var depth = 0; depth < _levels.Length - 1; depth++, index /= 2)
        {
            var sibling = index ^ 1;
            if (sibling < _levels[depth].Length) proof.Add(_levels[depth][sibling]);
        }
        return proof.ToImmutable();
    }
}
