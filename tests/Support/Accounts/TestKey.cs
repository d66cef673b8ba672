using Blocktrack.Chain;

namespace Blocktrack.Tests.Support;

/// <summary>A deterministic key pair: its private key is the Keccak hash of a name, so every run signs identically.</summary>
public sealed class TestKey(string name)
{
    public static readonly TestKey Alice = new("alice");
    public static readonly TestKey Bob = new("bob");
    public static readonly TestKey Carol = new("carol");
    public static readonly TestKey Mallory = new("mallory");

    public string Name { get; } = name;

    public byte[] PrivateKey { get; } = KeyOf(name);

    /// <summary>Lower-case 0x address, as the cluster keys voters.</summary>
    public string Address { get; } = Secp256k1Signer.AddressOf(KeyOf(name));

    /// <summary>The EIP-55 form, as wallets hand addresses out.</summary>
    public string Checksummed => EthAddress.ToChecksum(Address);

    /// <summary><paramref name="count"/> keys named <c>{prefix}-0</c> … (derived in parallel: the address is the slow part).</summary>
    public static TestKey[] Many(string prefix, int count)
    {
        var keys = new TestKey[count];
        Parallel.For(0, count, i => keys[i] = new TestKey($"{prefix}-{i}"));
        return keys;
    }

    public override string ToString() => Name;

    private static byte[] KeyOf(string name) => Keccak256.Hash("blocktrack-tests/" + name);
}
