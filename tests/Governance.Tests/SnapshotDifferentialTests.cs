using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Tests.Support;
using Xunit.Abstractions;

namespace Blocktrack.Governance.Tests;

/// <summary>
/// Our exact counting against Snapshot's own code (@snapshot-labs/snapshot.js 0.17.5, run by node) on thousands of random
/// ballot sets: powers from 0 to 10^27, ties, single voters, 2 to 32 choices. Snapshot computes in doubles, so scores
/// must agree within 1e-9 of the score (or 1e-12 of a unit of power for scores that are all but zero).
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class SnapshotDifferentialTests(ITestOutputHelper output)
{
    private const int CasesPerType = 1000;
    private const double Tolerance = 1e-9;

    /// <summary>Scores this close to zero are compared absolutely: a relative error of nothing means nothing.</summary>
    private const double AllButZero = 1e-12;

    private static readonly (CountingType Type, string Name)[] Types =
    [
        (CountingType.SingleChoice, "single-choice"),
        (CountingType.Approval, "approval"),
        (CountingType.Weighted, "weighted"),
        (CountingType.Quadratic, "quadratic"),
        (CountingType.RankedChoice, "ranked-choice"),
    ];

    [Fact]
    public void Every_counting_type_agrees_with_snapshot_js_on_random_ballot_sets()
    {
        NodeScript.RequireModule("@snapshot-labs/snapshot.js", "the snapshot.js differential test");
        var random = new Random(2026_12_01);
        var cases = Types.SelectMany(t => Enumerable.Range(0, CasesPerType).Select(_ => RandomCase(random, t.Type, t.Name))).ToList();
        var input = new JsonObject { ["cases"] = new JsonArray([.. cases.Select(c => c.Json)]) };
        var run = NodeScript.Run(RepoRoot.File("tests", "Governance.Tests", "js", "snapshot-voting.mjs"),
            new NodeRun { Input = input.ToJsonString(), Timeout = TimeSpan.FromSeconds(120) });
        Assert.True(run.ExitCode == 0, run.Output);
        var theirs = JsonNode.Parse(run.Stdout)!["scores"]!.AsArray();
        Assert.Equal(cases.Count, theirs.Count);

        var worst = 0.0;
        var compared = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var ours = ChoiceCounting.Count(cases[i].Type, cases[i].Choices, cases[i].Votes);
            var expected = theirs[i]!.AsArray();
            Assert.Equal(cases[i].Choices, expected.Count);
            for (var c = 0; c < cases[i].Choices; c++)
            {
                var snapshot = expected[c]!.GetValue<double>();
                var mine = (double)ours.Scaled[c] / (double)ChoiceCounting.Scale;
                var absolute = Math.Abs(mine - snapshot);
                var relative = snapshot == 0 ? 0 : absolute / Math.Abs(snapshot);
                if (absolute > AllButZero) worst = Math.Max(worst, relative);
                compared++;
                Assert.True(relative <= Tolerance || absolute <= AllButZero,
                    $"case {i} ({cases[i].Json.ToJsonString()}): choice {c + 1} scores {mine} here, {snapshot} in snapshot.js");
            }
        }
        output.WriteLine($"{cases.Count} ballot sets, {compared} scores compared; worst relative difference {worst:E2}");
    }

    private sealed record Case(CountingType Type, int Choices, List<ChoiceVote> Votes, JsonObject Json);

    private static Case RandomCase(Random random, CountingType type, string name)
    {
        var choices = random.Next(10) == 0 ? random.Next(2, ChoiceCounting.MaxChoices + 1) : random.Next(2, 7);
        var voters = random.Next(4) == 0 ? 1 : random.Next(1, 40);
        // Small powers make ties and exact majorities likely; large ones stress precision.
        var small = random.Next(3) == 0;
        var votes = new List<ChoiceVote>();
        var json = new JsonArray();
        for (var v = 0; v < voters; v++)
        {
            var power = RandomPower(random, small);
            var (vote, choice) = RandomVote(random, type, choices, power);
            votes.Add(vote);
            json.Add(new JsonObject { ["choice"] = choice, ["balance"] = power.ToString(CultureInfo.InvariantCulture) });
        }
        return new Case(type, choices, votes, new JsonObject { ["type"] = name, ["choices"] = choices, ["votes"] = json });
    }

    private static BigInteger RandomPower(Random random, bool small)
    {
        if (random.Next(12) == 0) return BigInteger.Zero;
        if (small) return random.Next(1, 10);
        var digits = random.Next(1, 28);
        var power = BigInteger.Zero;
        for (var d = 0; d < digits; d++) power = power * 10 + random.Next(10);
        return power + 1;
    }

    private static (ChoiceVote Vote, JsonNode Choice) RandomVote(Random random, CountingType type, int choices, BigInteger power)
    {
        var order = Enumerable.Range(0, choices).OrderBy(_ => random.Next()).ToList();
        switch (type)
        {
            case CountingType.SingleChoice:
                return (new ChoiceVote(power, [order[0]]), JsonValue.Create(order[0] + 1));
            case CountingType.Approval:
                var approved = order.Take(random.Next(0, choices + 1)).ToList();
                return (new ChoiceVote(power, approved), new JsonArray([.. approved.Select(c => (JsonNode)JsonValue.Create(c + 1))]));
            case CountingType.RankedChoice:
                return (new ChoiceVote(power, order), new JsonArray([.. order.Select(c => (JsonNode)JsonValue.Create(c + 1))]));
            default:
                var picked = order.Take(random.Next(1, choices + 1)).ToList();
                var weights = picked.Select(_ => (ulong)random.Next(0, random.Next(2) == 0 ? 4 : 1000)).ToList();
                if (weights.All(w => w == 0)) weights[0] = 1;
                var map = new JsonObject();
                for (var k = 0; k < picked.Count; k++) map[(picked[k] + 1).ToString(CultureInfo.InvariantCulture)] = weights[k];
                return (new ChoiceVote(power, picked, weights), map);
        }
    }
}
