using System.Numerics;

namespace Blocktrack.Grains.Governance.Analytics;

/// <summary>
/// Votable power per address, kept sorted (ascending by power, then address) in blocks of at most 2·<see cref="BlockSize"/>
/// entries, each with its sum, and the blocks in groups of at most 2·<see cref="GroupSize"/> blocks, each with its count and
/// sum: one change walks the groups, then one group's blocks, then one block, O(n / (BlockSize·GroupSize) + GroupSize +
/// BlockSize) (a million holders: about 350 steps, not 2,900), and the figures below are kept exact as it goes: count,
/// total S, Σx² (for HHI) and the rank-weighted sum W = Σ i·x₍ᵢ₎ (for Gini). Only addresses with power above zero are in
/// it. Pure and single-threaded: one grain activation owns one.
/// </summary>
public sealed class PowerDistribution
{
    public const int BlockSize = 256;
    public const int GroupSize = 32;

    private readonly List<List<Entry>> _blocks = [];
    private readonly List<BigInteger> _sums = [];

    // Group g holds the next _groupBlocks[g] blocks after those of the groups before it.
    private readonly List<int> _groupBlocks = [];
    private readonly List<long> _groupCounts = [];
    private readonly List<BigInteger> _groupSums = [];
    private readonly Dictionary<string, BigInteger> _power = new(StringComparer.Ordinal);

    public long Count => _power.Count;
    public BigInteger Total { get; private set; }
    public BigInteger Squares { get; private set; }
    public BigInteger RankWeighted { get; private set; }

    public BigInteger PowerOf(string address) => _power.GetValueOrDefault(address);

    /// <summary>Sets an address's power (0 removes it); returns whether anything changed.</summary>
    public bool Set(string address, BigInteger power)
    {
        if (power.Sign < 0) throw new ArgumentOutOfRangeException(nameof(power), "power may not be negative");
        var old = _power.GetValueOrDefault(address);
        if (old == power) return false;
        if (!old.IsZero) Remove(new Entry(old, address));
        if (power.IsZero) _power.Remove(address);
        else
        {
            _power[address] = power;
            Insert(new Entry(power, address));
        }
        return true;
    }

    /// <summary>The figures now: Gini, Nakamoto, HHI over the addresses holding power.</summary>
    public ConcentrationFigures Figures() => new(Count, Total, Concentration.Gini(Count, Total, RankWeighted), Nakamoto(),
        Concentration.Hhi(Total, Squares));

    /// <summary>The fewest addresses whose power exceeds half of the total: walked from the top, block sums first.</summary>
    public int Nakamoto()
    {
        if (Total.IsZero) return 0;
        BigInteger running = 0;
        var count = 0;
        for (var b = _blocks.Count - 1; b >= 0; b--)
        {
            if ((running + _sums[b]) * 2 <= Total)
            {
                running += _sums[b];
                count += _blocks[b].Count;
                continue;
            }
            var block = _blocks[b];
            for (var i = block.Count - 1; i >= 0; i--)
            {
                running += block[i].Power;
                count++;
                if (running * 2 > Total) return count;
            }
        }
        return count;
    }

    /// <summary>The <paramref name="k"/> addresses with the most power, most first (ties by address, descending).</summary>
    public IReadOnlyList<(string Address, BigInteger Power)> Top(int k)
    {
        var top = new List<(string, BigInteger)>(Math.Min(k, _power.Count));
        for (var b = _blocks.Count - 1; b >= 0 && top.Count < k; b--)
        {
            for (var i = _blocks[b].Count - 1; i >= 0 && top.Count < k; i--) top.Add((_blocks[b][i].Address, _blocks[b][i].Power));
        }
        return top;
    }

    private void Insert(Entry e)
    {
        var (g, b, i, before) = Locate(e);
        if (b == _blocks.Count)
        {
            _blocks.Add([]);
            _sums.Add(BigInteger.Zero);
            _groupBlocks.Add(1);
            _groupCounts.Add(0);
            _groupSums.Add(BigInteger.Zero);
        }
        _blocks[b].Insert(i, e);
        _sums[b] += e.Power;
        _groupCounts[g]++;
        _groupSums[g] += e.Power;
        var position = before.Count + 1;
        var after = Total - before.Sum;
        RankWeighted += position * e.Power + after;
        Total += e.Power;
        Squares += e.Power * e.Power;
        if (_blocks[b].Count > 2 * BlockSize) Split(g, b);
    }

    private void Remove(Entry e)
    {
        var (g, b, i, before) = Locate(e);
        if (b == _blocks.Count || i >= _blocks[b].Count || _blocks[b][i] != e)
            throw new InvalidOperationException($"{e.Address} is not in the distribution with {e.Power}");
        _blocks[b].RemoveAt(i);
        _sums[b] -= e.Power;
        _groupCounts[g]--;
        _groupSums[g] -= e.Power;
        var position = before.Count + 1;
        var after = Total - before.Sum - e.Power;
        RankWeighted -= position * e.Power + after;
        Total -= e.Power;
        Squares -= e.Power * e.Power;
        if (_blocks[b].Count > 0) return;
        _blocks.RemoveAt(b);
        _sums.RemoveAt(b);
        if (--_groupBlocks[g] > 0) return;
        _groupBlocks.RemoveAt(g);
        _groupCounts.RemoveAt(g);
        _groupSums.RemoveAt(g);
    }

    /// <summary>
    /// Where <paramref name="e"/> is or would go: group, block, index in it, and the count and sum of every entry before.
    /// A group (then a block) is passed when its last entry is below <paramref name="e"/>, unless it is the last one.
    /// </summary>
    private (int Group, int Block, int Index, (long Count, BigInteger Sum) Before) Locate(Entry e)
    {
        long count = 0;
        BigInteger sum = 0;
        var first = 0;
        for (var g = 0; g < _groupBlocks.Count; g++)
        {
            var last = first + _groupBlocks[g] - 1;
            if (g < _groupBlocks.Count - 1 && Compare(_blocks[last][^1], e) < 0)
            {
                count += _groupCounts[g];
                sum += _groupSums[g];
                first = last + 1;
                continue;
            }
            for (var b = first; b <= last; b++)
            {
                var block = _blocks[b];
                if (b < last && Compare(block[^1], e) < 0)
                {
                    count += block.Count;
                    sum += _sums[b];
                    continue;
                }
                var index = block.BinarySearch(e, Comparer);
                if (index < 0) index = ~index;
                return (g, b, index, (count + index, sum + SumBefore(b, index)));
            }
        }
        return (0, _blocks.Count, 0, (count, sum));
    }

    /// <summary>The sum of block <paramref name="b"/>'s first <paramref name="index"/> entries, added up from the nearer end.</summary>
    private BigInteger SumBefore(int b, int index)
    {
        var block = _blocks[b];
        BigInteger sum = 0;
        if (index <= block.Count / 2)
        {
            for (var i = 0; i < index; i++) sum += block[i].Power;
            return sum;
        }
        for (var i = index; i < block.Count; i++) sum += block[i].Power;
        return _sums[b] - sum;
    }

    private void Split(int g, int b)
    {
        var block = _blocks[b];
        var tail = block.GetRange(BlockSize, block.Count - BlockSize);
        block.RemoveRange(BlockSize, block.Count - BlockSize);
        var tailSum = tail.Aggregate(BigInteger.Zero, (s, x) => s + x.Power);
        _sums[b] -= tailSum;
        _blocks.Insert(b + 1, tail);
        _sums.Insert(b + 1, tailSum);
        if (++_groupBlocks[g] > 2 * GroupSize) SplitGroup(g);
    }

    /// <summary>Moves the second half of group <paramref name="g"/>'s blocks into a new group after it.</summary>
    private void SplitGroup(int g)
    {
        var first = 0;
        for (var i = 0; i < g; i++) first += _groupBlocks[i];
        var moved = _groupBlocks[g] - GroupSize;
        long count = 0;
        BigInteger sum = 0;
        for (var b = first + GroupSize; b < first + GroupSize + moved; b++)
        {
            count += _blocks[b].Count;
            sum += _sums[b];
        }
        _groupBlocks[g] = GroupSize;
        _groupCounts[g] -= count;
        _groupSums[g] -= sum;
        _groupBlocks.Insert(g + 1, moved);
        _groupCounts.Insert(g + 1, count);
        _groupSums.Insert(g + 1, sum);
    }

    private static int Compare(Entry a, Entry b)
    {
        var byPower = a.Power.CompareTo(b.Power);
        return byPower != 0 ? byPower : string.CompareOrdinal(a.Address, b.Address);
    }

    private static readonly IComparer<Entry> Comparer = Comparer<Entry>.Create(Compare);

    private readonly record struct Entry(BigInteger Power, string Address);
}

/// <summary>Headline concentration figures of a distribution.</summary>
public readonly record struct ConcentrationFigures(long Holders, BigInteger Total, decimal Gini, int Nakamoto, decimal Hhi);
