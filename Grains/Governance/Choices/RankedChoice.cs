using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Governance.Choices;

/// <summary>
/// Instant runoff as Snapshot runs it: each round a ballot counts for its best-ranked choice still in the race; every
/// choice still ranked by some ballot is in the round, with no first preferences too; the round's lowest (ties: the
/// lowest-numbered) is eliminated, until a choice has more than half of the power or fewer than three remain. The
/// scores are the last round's.
/// </summary>
public static class RankedChoice
{
    public static ChoiceScores Count(int choiceCount, IReadOnlyCollection<ChoiceVote> votes, BigInteger total)
    {
        var eliminated = new bool[choiceCount];
        // Each ballot's position in its ranking: the first choice not eliminated.
        var ballots = votes.Select(v => (v.Power, Ranking: v.Choices, At: 0)).ToArray();
        var rounds = ImmutableArray.CreateBuilder<ImmutableArray<BigInteger>>();
        while (true)
        {
            var counts = new BigInteger[choiceCount];
            var present = new bool[choiceCount];
            var remaining = BigInteger.Zero;
            for (var b = 0; b < ballots.Length; b++)
            {
                var (power, ranking, at) = ballots[b];
                while (at < ranking.Count && eliminated[ranking[at]]) at++;
                ballots[b].At = at;
                if (at == ranking.Count) continue;
                counts[ranking[at]] += power;
                remaining += power;
                for (var k = at; k < ranking.Count; k++) present[ranking[k]] |= !eliminated[ranking[k]];
            }
            rounds.Add([.. counts]);
            var inRace = Enumerable.Range(0, choiceCount).Where(c => present[c]).ToList();
            if (inRace.Count == 0) break;
            var top = inRace.MaxBy(c => counts[c]);
            var bottom = inRace.First(c => counts[c] == inRace.Min(x => counts[x]));
            if (counts[top] * 2 > remaining || inRace.Count < 3) break;
            eliminated[bottom] = true;
        }
        var final = rounds[^1];
        return new ChoiceScores
        {
            Scaled = [.. final.Select(s => s * ChoiceCounting.Scale)],
            TotalPower = total,
            Rounds = rounds.ToImmutable(),
        };
    }
}
