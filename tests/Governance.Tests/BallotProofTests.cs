using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

/// <summary>Inclusion proofs of ballots in a shard's root, under OpenZeppelin MerkleProof's sorted-pair convention.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class BallotProofTests
{
    /// <summary>1 to 300 ballots: every small size (all the odd-node shapes) and some larger odd and even ones.</summary>
    public static TheoryData<int> Sizes => [.. Enumerable.Range(1, 40).Concat([63, 64, 65, 127, 128, 129, 255, 257, 299, 300])];

    private static Ballot[] RandomSet(int count, int seed)
    {
        var random = new Random(seed);
        var voters = new HashSet<int>();
        while (voters.Count < count) voters.Add(random.Next(1, int.MaxValue));
        return
        [
            .. voters.Select(v =>
            {
                var ballot = Ballot(v, (Support)random.Next(3), new BigInteger(random.NextInt64(1, long.MaxValue)) * random.Next(1, 1000));
                // Every fourth ballot takes the extended leaf (choices, weights, a derived weight).
                return random.Next(4) != 0 ? ballot : ballot with
                {
                    Power = ballot.Weight * ballot.Weight,
                    Choices = [(ushort)random.Next(1, 5), (ushort)random.Next(5, 9)],
                    Weights = [(ulong)random.Next(1, 100), (ulong)random.Next(1, 100)],
                };
            }),
        ];
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_leaf_of_a_random_set_verifies_against_the_root(int size)
    {
        var ballots = RandomSet(size, seed: size);
        var root = Hex.Parse(BallotSetHash.Compute(ballots));
        var tree = BallotTree.Build(ballots);
        Assert.Equal(Hex.ToHex(root), tree.Root);
        var depth = (int)Math.Ceiling(Math.Log2(size));
        foreach (var ballot in ballots)
        {
            var proof = BallotSetHash.Proof(ballots, ballot.Voter)!;
            Assert.Equal(proof.Select(p => Hex.ToHex(p)), tree.ProofOf(ballot.Voter)!.Value.Select(p => Hex.ToHex(p)));
            Assert.True(proof.Count <= depth, $"a proof in a set of {size} has at most {depth} steps, got {proof.Count}");
            Assert.True(BallotSetHash.Verify(BallotSetHash.Leaf(ballot), proof, root), $"{ballot.Voter} of {size}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(299)]
    public void A_changed_leaf_fails(int size)
    {
        var ballots = RandomSet(size, seed: 1000 + size);
        var root = Hex.Parse(BallotSetHash.Compute(ballots));
        foreach (var ballot in ballots)
        {
            var proof = BallotSetHash.Proof(ballots, ballot.Voter)!;
            var heavier = BallotSetHash.Leaf(ballot with { Weight = ballot.Weight + 1 });
            var otherSupport = BallotSetHash.Leaf(ballot with { Support = (Support)(((int)ballot.Support + 1) % 3) });
            Assert.False(BallotSetHash.Verify(heavier, proof, root));
            Assert.False(BallotSetHash.Verify(otherSupport, proof, root));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(257)]
    public void A_changed_dropped_or_reordered_proof_fails(int size)
    {
        var ballots = RandomSet(size, seed: 2000 + size);
        var root = Hex.Parse(BallotSetHash.Compute(ballots));
        foreach (var ballot in ballots)
        {
            var leaf = BallotSetHash.Leaf(ballot);
            var proof = BallotSetHash.Proof(ballots, ballot.Voter)!.ToList();
            Assert.NotEmpty(proof);
            for (var i = 0; i < proof.Count; i++)
            {
                var flipped = proof.Select(p => p.ToArray()).ToList();
                flipped[i][31] ^= 0x01;
                Assert.False(BallotSetHash.Verify(leaf, flipped, root), $"bit flipped at step {i}");
            }
            Assert.False(BallotSetHash.Verify(leaf, proof[..^1], root), "last step dropped");
            if (proof.Count > 1)
                Assert.False(BallotSetHash.Verify(leaf, [.. proof[1..], proof[0]], root), "steps rotated");
        }
    }

    [Fact]
    public void A_proof_does_not_prove_another_voters_leaf()
    {
        var ballots = RandomSet(33, seed: 33);
        var root = Hex.Parse(BallotSetHash.Compute(ballots));
        var proof = BallotSetHash.Proof(ballots, ballots[0].Voter)!;
        Assert.All(ballots.Skip(1), b => Assert.False(BallotSetHash.Verify(BallotSetHash.Leaf(b), proof, root)));
    }

    [Fact]
    public void The_single_ballot_of_a_set_has_an_empty_proof_and_is_its_root()
    {
        var ballot = Ballot(9, Support.For, 12);
        Assert.Empty(BallotSetHash.Proof([ballot], ballot.Voter)!);
        Assert.True(BallotSetHash.Verify(BallotSetHash.Leaf(ballot), [], Hex.Parse(BallotSetHash.Compute([ballot]))));
    }

    [Fact]
    public void The_odd_last_leaf_skips_the_levels_where_it_is_carried_up()
    {
        // Five leaves: the fifth is unpaired at levels 0 and 1, so its proof is the single root of the first four.
        var ballots = Enumerable.Range(1, 5).Select(i => Ballot(i, Support.For, i)).ToArray();
        var leaves = ballots.Select(BallotSetHash.Leaf).ToArray();
        var four = BallotSetHash.HashPair(BallotSetHash.HashPair(leaves[0], leaves[1]), BallotSetHash.HashPair(leaves[2], leaves[3]));
        var proof = BallotSetHash.Proof(ballots, ballots[4].Voter)!;
        Assert.Equal([Hex.ToHex(four)], proof.Select(p => Hex.ToHex(p)));
        Assert.Equal(3, BallotSetHash.Proof(ballots, ballots[0].Voter)!.Count);
    }

    [Fact]
    public void A_voter_without_a_ballot_has_no_proof()
    {
        var ballots = RandomSet(10, seed: 10);
        Assert.Null(BallotSetHash.Proof(ballots, Address(0xdead)));
        Assert.Null(BallotTree.Build([]).ProofOf(Address(1)));
        Assert.Equal(BallotSetHash.Compute([]), BallotTree.Build([]).Root);
    }

    [Fact]
    public void Two_ballots_of_one_voter_cannot_form_a_tree() =>
        Assert.Throws<ArgumentException>(() => BallotTree.Build([Ballot(1, Support.For, 1), Ballot(1, Support.Against, 2, timestamp: 5)]));

    [Fact]
    public void Verify_over_hex_refuses_malformed_input_instead_of_throwing()
    {
        var ballots = RandomSet(4, seed: 4);
        var root = BallotSetHash.Compute(ballots);
        var leaf = Hex.ToHex(BallotSetHash.Leaf(ballots[0]));
        var proof = BallotSetHash.Proof(ballots, ballots[0].Voter)!.Select(p => Hex.ToHex(p)).ToImmutableArray();
        Assert.True(BallotSetHash.Verify(leaf, proof, root));
        Assert.False(BallotSetHash.Verify(leaf, [.. proof, "0xzz"], root));
        Assert.False(BallotSetHash.Verify("nope", proof, root));
    }

    [Fact]
    public void A_sibling_of_another_length_is_hashed_as_given_and_proves_nothing()
    {
        var ballots = RandomSet(4, seed: 44);
        var root = BallotSetHash.Compute(ballots);
        var leaf = BallotSetHash.Leaf(ballots[0]);
        var proof = BallotSetHash.Proof(ballots, ballots[0].Voter)!;
        byte[] longer = [.. proof[0], .. new byte[8]], shorter = proof[0][..20];
        foreach (var sibling in new[] { longer, shorter })
        {
            Assert.False(BallotSetHash.Verify(Hex.ToHex(leaf), [Hex.ToHex(sibling), .. proof.Skip(1).Select(p => Hex.ToHex(p))], root));
            var ascending = leaf.AsSpan().SequenceCompareTo(sibling) <= 0;
            byte[] pair = ascending ? [.. leaf, .. sibling] : [.. sibling, .. leaf];
            Assert.Equal(Keccak256.Hash(pair), BallotSetHash.HashPair(leaf, sibling));
        }
    }
}
