using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class CompactBallotTests
{
    private static readonly string Signature = "0x" + string.Concat(Enumerable.Range(0, 65).Select(i => (i * 7 % 256).ToString("x2")));

    /// <summary>Every shape a shard holds: signed or not, choices, √power, a delegator override, odd digest and signature text.</summary>
    public static TheoryData<string, Ballot> Shapes => new()
    {
        { "signed For", Ballot(1, Support.For, 100) with { Signature = Signature, Reason = "because", RecordedAt = Recorded } },
        { "unsigned, empty digest", Ballot(2, Support.Against, 7) with { Digest = "", Signature = "" } },
        { "signature 0x", Ballot(3, Support.Abstain, 1) with { Signature = "0x" } },
        { "upper-case digest", Ballot(4, Support.For, 5) with { Digest = "0x" + new string('A', 64), Signature = "0xABCD" } },
        { "short digest, odd signature", Ballot(5, Support.For, 5) with { Digest = "0x" + new string('1', 62), Signature = "0x123" } },
        {
            "quadratic weight, ranked choices",
            Ballot(6, Support.For, 3) with
            {
                Power = 10, Choices = [3, 1, 2], Weights = [], Signature = Signature, RecordedAt = Recorded,
            }
        },
        { "weighted choices", Ballot(7, Support.For, 9) with { Choices = [1, 2], Weights = [2, 1] } },
        {
            "delegator override",
            Ballot(8, Support.Against, BigInteger.Parse("1500000000000000000000")) with
            {
                OverrideOf = Address(9), OverrideBalance = BigInteger.Parse("500000000000000000000"), Signature = Signature,
            }
        },
    };

    private static readonly DateTimeOffset Recorded = new(2026, 12, 3, 8, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_compact_ballot_gives_back_the_ballot_it_was_made_from(string shape, Ballot ballot)
    {
        var back = CompactBallot.Of(ballot).ToBallot();
        Assert.True(ballot == back, shape);
        Assert.Equal((ballot.Digest, ballot.Signature), (back.Digest, back.Signature));
        Assert.Equal(ballot.Digest, CompactBallot.Of(ballot).Digest);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Its_leaf_is_the_ballots_leaf(string shape, Ballot ballot) =>
        Assert.True(BallotSetHash.Leaf(ballot).AsSpan().SequenceEqual(CompactBallot.Of(ballot).Leaf()), shape);

    [Fact]
    public void A_set_of_compact_ballots_has_the_ballots_root_and_tree()
    {
        var ballots = Shapes.Select(row => (Ballot)row[1]).ToList();
        var compact = ballots.Select(CompactBallot.Of).Reverse().ToList();
        Assert.Equal(BallotSetHash.Compute(ballots), BallotSetHash.Compute(compact, b => b.Voter, b => b.LeafHash));
        var tree = BallotTree.Build(compact, b => b.Voter, b => b.Leaf());
        var expected = BallotTree.Build(ballots);
        Assert.Equal(expected.Root, tree.Root);
        foreach (var b in ballots)
            Assert.Equal(expected.ProofOf(b.Voter)!.Value.Select(p => Hex.ToHex(p)), tree.ProofOf(b.Voter)!.Value.Select(p => Hex.ToHex(p)));
    }

    [Fact]
    public void Its_own_power_is_the_power_counted_less_an_override()
    {
        var ballots = Shapes.Select(row => CompactBallot.Of((Ballot)row[1])).ToDictionary(b => b.Voter);
        Assert.Equal(100, ballots[Address(1)].OwnPower);
        Assert.Equal(10, ballots[Address(6)].OwnPower); // quadratic: the power before the root, not the weight 3
        Assert.Equal(BigInteger.Parse("1000000000000000000000"), ballots[Address(8)].OwnPower);
    }
}
