namespace Blocktrack.Chain.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class Keccak256Tests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("cow", "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4")]
    public void Matches_published_vectors(string input, string expected)
    {
        Assert.Equal(expected, Hex.ToHex(Keccak256.Hash(input)));
    }

    [Fact]
    public void Is_keccak_not_sha3()
    {
        // SHA3-256("") differs only in padding; getting it here would mean the wrong digest was wired in.
        Assert.NotEqual("0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Hex.ToHex(Keccak256.Hash("")));
    }

    [Fact]
    public void Span_overload_matches_array_overload()
    {
        var data = new byte[300];
        new Random(7).NextBytes(data);
        var destination = new byte[32];
        Keccak256.Hash(data, destination);
        Assert.Equal(Keccak256.Hash(data), destination);
    }

    [Fact]
    public void Hashes_of_every_length_on_many_threads_at_once_each_match_a_digest_of_their_own()
    {
        // The digest is reused per thread: a hash must start from a clean state whatever the thread hashed before,
        // across the 136-byte rate boundary and back to empty input.
        var inputs = Enumerable.Range(0, 400).Select(n => Enumerable.Range(0, n).Select(i => (byte)(i * 31 + n)).ToArray()).ToArray();
        var expected = inputs.Select(Reference).ToArray();
        Parallel.For(0, 8 * inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var n = i * 7919 % inputs.Length;
            Assert.Equal(expected[n], Hex.ToHex(Keccak256.Hash(inputs[n])));
        });
    }

    private static string Reference(byte[] input)
    {
        var digest = new Org.BouncyCastle.Crypto.Digests.KeccakDigest(256);
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return Hex.ToHex(output);
    }
}
