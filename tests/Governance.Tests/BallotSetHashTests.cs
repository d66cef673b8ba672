using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class BallotSetHashTests
{
    private static readonly Ballot[] Ballots =
    [
        Ballot(1, Support.For, 100),
        Ballot(2, Support.Against, 40),
        Ballot(3, Support.Abstain, 5),
        Ballot(4, Support.For, BigInteger.Parse("123456789012345678901234567890")),
        Ballot(5, Support.Against, 1),
    ];

    [Fact]
    public void The_empty_set_hashes_to_keccak256_of_no_bytes() =>
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", BallotSetHash.Compute([]));

    [Fact]
    public void The_same_ballots_always_give_the_same_root() =>
        Assert.Equal(BallotSetHash.Compute(Ballots), BallotSetHash.Compute(Ballots.ToList()));

    [Fact]
    public void The_root_does_not_depend_on_input_order()
    {
        var root = BallotSetHash.Compute(Ballots);
        Assert.Equal(root, BallotSetHash.Compute(Ballots.Reverse()));
        Assert.Equal(root, BallotSetHash.Compute([Ballots[3], Ballots[0], Ballots[4], Ballots[2], Ballots[1]]));
    }

    [Fact]
    public void The_root_is_a_0x_prefixed_32_byte_lower_case_hex_string() =>
        Assert.Matches("^0x[0-9a-f]{64}$", BallotSetHash.Compute(Ballots));

    [Fact]
    public void A_single_ballots_root_is_its_leaf() =>
        Assert.Equal(Hex.ToHex(BallotSetHash.Leaf(Ballots[0])), BallotSetHash.Compute([Ballots[0]]));

    [Fact]
    public void A_leaf_is_keccak256_of_voter_support_weight_and_digest()
    {
        var b = Ballot(0xabc, Support.Abstain, 0x0102);
        var packed = new byte[85];
        Hex.Parse(b.Voter).CopyTo(packed, 0);
        packed[20] = 2;
        packed[51] = 0x01;
        packed[52] = 0x02;
        Hex.Parse(b.Digest).CopyTo(packed, 53);
        Assert.Equal(Keccak256.Hash(packed), BallotSetHash.Leaf(b));
    }

    [Fact]
    public void Two_ballots_hash_their_leaves_in_ascending_byte_order()
    {
        var (a, b) = (BallotSetHash.Leaf(Ballots[0]), BallotSetHash.Leaf(Ballots[1]));
        var (lo, hi) = a.AsSpan().SequenceCompareTo(b) <= 0 ? (a, b) : (b, a);
        Assert.Equal(Hex.ToHex(Keccak256.Hash([.. lo, .. hi])), BallotSetHash.Compute([Ballots[1], Ballots[0]]));
    }

    [Fact]
    public void An_odd_leaf_is_carried_up_unhashed()
    {
        static byte[] Node(byte[] a, byte[] b) =>
            a.AsSpan().SequenceCompareTo(b) <= 0 ? Keccak256.Hash([.. a, .. b]) : Keccak256.Hash([.. b, .. a]);
        var leaves = Ballots[..3].Select(BallotSetHash.Leaf).ToArray();
        var expected = Node(Node(leaves[0], leaves[1]), leaves[2]);
        Assert.Equal(Hex.ToHex(expected), BallotSetHash.Compute(Ballots[..3]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void Changing_one_weight_changes_the_root(int index)
    {
        var changed = Ballots.ToArray();
        changed[index] = changed[index] with { Weight = changed[index].Weight + 1 };
        Assert.NotEqual(BallotSetHash.Compute(Ballots), BallotSetHash.Compute(changed));
    }

    [Theory]
    [InlineData(0, Support.Against)]
    [InlineData(1, Support.Abstain)]
    [InlineData(2, Support.For)]
    public void Changing_one_support_changes_the_root(int index, Support support)
    {
        var changed = Ballots.ToArray();
        changed[index] = changed[index] with { Support = support };
        Assert.NotEqual(BallotSetHash.Compute(Ballots), BallotSetHash.Compute(changed));
    }

    [Fact]
    public void Changing_a_digest_changes_the_root()
    {
        var changed = Ballots.ToArray();
        changed[3] = changed[3] with { Digest = "0x" + new string('f', 64) };
        Assert.NotEqual(BallotSetHash.Compute(Ballots), BallotSetHash.Compute(changed));
    }

    [Fact]
    public void Dropping_a_ballot_changes_the_root() =>
        Assert.NotEqual(BallotSetHash.Compute(Ballots), BallotSetHash.Compute(Ballots[..4]));

    [Fact]
    public void Reason_signature_and_recording_time_are_not_part_of_the_root()
    {
        var decorated = Ballots.Select(b => b with { Reason = "because", Signature = "0x01", RecordedAt = T0 }).ToArray();
        Assert.Equal(BallotSetHash.Compute(Ballots), BallotSetHash.Compute(decorated));
    }
}
