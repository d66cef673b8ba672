using System.Numerics;
using Blocktrack.Chain.Tests.Support;

namespace Blocktrack.Chain.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class SignatureTests
{
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    [Theory]
    [MemberData(nameof(Recoveries.Names), MemberType = typeof(Recoveries))]
    public void Recovers_the_signer_of_a_round_trip(string implementation)
    {
        var recovery = Recoveries.ByName(implementation);
        var key = Secp256k1Signer.NewPrivateKey();
        var hash = Keccak256.Hash("proposal blocktrack/42");
        var signature = Secp256k1Signer.Sign(hash, key);

        Assert.Equal(65, signature.Length);
        Assert.InRange(signature[64], 27, 28);
        Assert.Equal(Secp256k1Signer.AddressOf(key), EthAddress.ToLower(recovery.RecoverAddress(hash, signature)));
    }

    [Theory]
    [MemberData(nameof(Recoveries.Names), MemberType = typeof(Recoveries))]
    public void Accepts_v_as_0_or_1(string implementation)
    {
        var recovery = Recoveries.ByName(implementation);
        var key = Secp256k1Signer.NewPrivateKey();
        var hash = Keccak256.Hash("v");
        var signature = Secp256k1Signer.Sign(hash, key);
        signature[64] -= 27;
        Assert.Equal(Secp256k1Signer.AddressOf(key), EthAddress.ToLower(recovery.RecoverAddress(hash, signature)));
    }

    [Theory]
    [MemberData(nameof(Recoveries.Names), MemberType = typeof(Recoveries))]
    public void Rejects_high_s(string implementation)
    {
        var recovery = Recoveries.ByName(implementation);
        var hash = Keccak256.Hash("malleable");
        var signature = Secp256k1Signer.Sign(hash, Secp256k1Signer.NewPrivateKey());
        // (r, n − s, v flipped) is the mathematically valid twin that EIP-2 outlaws.
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        (N - s).TryWriteBytes(signature.AsSpan(32, 32), out _, isUnsigned: true, isBigEndian: true);
        signature[64] = (byte)(55 - signature[64]);

        var error = Assert.Throws<SignatureException>(() => recovery.RecoverAddress(hash, signature));
        Assert.Equal(SignatureError.HighS, error.Error);
    }

    [Theory]
    [MemberData(nameof(Recoveries.Names), MemberType = typeof(Recoveries))]
    public void Rejects_invalid_v(string implementation)
    {
        var recovery = Recoveries.ByName(implementation);
        var hash = Keccak256.Hash("v");
        var signature = Secp256k1Signer.Sign(hash, Secp256k1Signer.NewPrivateKey());
        foreach (var v in new byte[] { 2, 3, 26, 29, 35, 37, 255 })
        {
            signature[64] = v;
            Assert.Equal(SignatureError.InvalidV, Assert.Throws<SignatureException>(() => recovery.RecoverAddress(hash, signature)).Error);
        }
    }

    [Theory]
    [MemberData(nameof(Recoveries.Names), MemberType = typeof(Recoveries))]
    public void Flipped_v_recovers_someone_else(string implementation)
    {
        var recovery = Recoveries.ByName(implementation);
        var key = Secp256k1Signer.NewPrivateKey();
        var hash = Keccak256.Hash("flip");
        var signature = Secp256k1Signer.Sign(hash, key);
        signature[64] = (byte)(signature[64] == 27 ? 28 : 27);
        Assert.NotEqual(Secp256k1Signer.AddressOf(key), EthAddress.ToLower(recovery.RecoverAddress(hash, signature)));
    }

    [Theory]
    [MemberData(nameof(Recoveries.Names), MemberType = typeof(Recoveries))]
    public void Rejects_malformed_signatures(string implementation)
    {
        var recovery = Recoveries.ByName(implementation);
        var hash = Keccak256.Hash("malformed");
        var valid = Secp256k1Signer.Sign(hash, Secp256k1Signer.NewPrivateKey());
        var nBytes = N.ToByteArray(isUnsigned: true, isBigEndian: true);

        Assert.Equal(SignatureError.InvalidLength, Refusal(recovery, hash, valid[..64]));
        Assert.Equal(SignatureError.InvalidLength, Refusal(recovery, hash, [.. valid, 0]));
        Assert.Equal(SignatureError.InvalidR, Refusal(recovery, hash, [.. new byte[32], .. valid[32..]]));
        Assert.Equal(SignatureError.InvalidR, Refusal(recovery, hash, [.. nBytes, .. valid[32..]]));
        Assert.Equal(SignatureError.InvalidS, Refusal(recovery, hash, [.. valid[..32], .. new byte[32], 27]));
        Assert.Equal(SignatureError.InvalidS, Refusal(recovery, hash, [.. valid[..32], .. nBytes, 27]));
        Assert.Throws<ArgumentException>(() => recovery.RecoverAddress(hash[..31], valid));
    }

    [Fact]
    public void Both_implementations_agree_on_random_keys_and_messages()
    {
        var rng = new Random(20240601);
        for (var i = 0; i < 300; i++)
        {
            var key = Secp256k1Signer.NewPrivateKey();
            var hash = Keccak256.Hash(TypedDataSamples.RandomBytes(rng, rng.Next(0, 200)));
            var signature = Secp256k1Signer.Sign(hash, key);
            var expected = Secp256k1Signer.AddressOf(key);
            foreach (var recovery in Recoveries.All)
                Assert.Equal(expected, EthAddress.ToLower(recovery.RecoverAddress(hash, signature)));
        }
    }

    [Fact]
    public void Edge_hashes_round_trip()
    {
        // Zero, n and values above n exercise the e mod n reduction in recovery.
        var nBytes = N.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[][] hashes = [new byte[32], nBytes, Enumerable.Repeat((byte)0xff, 32).ToArray(), [.. new byte[31], 1]];
        var key = Secp256k1Signer.NewPrivateKey();
        foreach (var hash in hashes)
        {
            var signature = Secp256k1Signer.Sign(hash, key);
            foreach (var recovery in Recoveries.All)
                Assert.Equal(Secp256k1Signer.AddressOf(key), EthAddress.ToLower(recovery.RecoverAddress(hash, signature)));
        }
    }

    [Fact]
    public void Native_recovery_is_safe_to_share_across_threads()
    {
        var recovery = SignatureRecovery.CreateFastest();
        var key = Secp256k1Signer.NewPrivateKey();
        var expected = Secp256k1Signer.AddressOf(key);
        var signed = Enumerable.Range(0, 64).Select(i => Keccak256.Hash($"ballot {i}")).Select(h => (Hash: h, Signature: Secp256k1Signer.Sign(h, key))).ToArray();
        var mismatches = 0;
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (hash, signature) = signed[i % signed.Length];
            if (EthAddress.ToLower(recovery.RecoverAddress(hash, signature)) != expected)
                Interlocked.Increment(ref mismatches);
        });
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Both_implementations_agree_on_arbitrary_signature_bytes()
    {
        // Random r values are curve x coordinates only half of the time, so this covers both the success and the failure path.
        var rng = new Random(99);
        int recovered = 0, refused = 0;
        for (var i = 0; i < 300; i++)
        {
            var hash = TypedDataSamples.RandomBytes(rng, 32);
            var signature = TypedDataSamples.RandomBytes(rng, 65);
            signature[32] &= 0x7f; // keep s in the low half
            signature[64] = (byte)(27 + rng.Next(2));
            var outcomes = Recoveries.All.Select(r => Outcome(r, hash, signature)).Distinct().ToArray();
            Assert.Single(outcomes);
            if (outcomes[0].StartsWith("0x", StringComparison.Ordinal)) recovered++; else refused++;
        }
        Assert.True(recovered > 50 && refused > 50, $"recovered {recovered}, refused {refused}");
    }

    [Fact]
    public void Signing_is_deterministic_and_low_s()
    {
        var key = Secp256k1Signer.NewPrivateKey();
        var hash = Keccak256.Hash("deterministic");
        var first = Secp256k1Signer.Sign(hash, key);
        Assert.Equal(first, Secp256k1Signer.Sign(hash, key));
        var halfN = (N >> 1).ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.True(first.AsSpan(32, 32).SequenceCompareTo(halfN) <= 0);
    }

    [Fact]
    public void Refuses_invalid_private_keys()
    {
        var hash = new byte[32];
        Assert.Throws<ArgumentException>(() => Secp256k1Signer.Sign(hash, new byte[32]));
        Assert.Throws<ArgumentException>(() => Secp256k1Signer.Sign(hash, N.ToByteArray(isUnsigned: true, isBigEndian: true)));
        Assert.Throws<ArgumentException>(() => Secp256k1Signer.PublicKey(new byte[31]));
        Assert.Throws<ArgumentException>(() => Secp256k1Signer.Sign(new byte[31], Secp256k1Signer.NewPrivateKey()));
    }

    [Fact]
    public void Fastest_is_libsecp256k1_when_it_is_installed()
    {
        Assert.True(LibSecp256k1Recovery.IsAvailable, "libsecp256k1 is not loadable: run `apt-get install -y libsecp256k1-1`.");
        Assert.StartsWith("libsecp256k1", SignatureRecovery.CreateFastest().Name);
        Assert.Equal("BouncyCastle", BouncyCastleRecovery.Instance.Name);
    }

    private static SignatureError Refusal(ISignatureRecovery recovery, byte[] hash, byte[] signature) =>
        Assert.Throws<SignatureException>(() => recovery.RecoverAddress(hash, signature)).Error;

    private static string Outcome(ISignatureRecovery recovery, byte[] hash, byte[] signature)
    {
        try
        {
            return EthAddress.ToLower(recovery.RecoverAddress(hash, signature));
        }
        catch (SignatureException e)
        {
            return e.Error.ToString();
        }
    }
}
