using Blocktrack.Chain;

namespace Blocktrack.Cluster.Harness;

/// <summary>A deterministic key pair: its private key is the Keccak hash of a name, so every run signs the same way.</summary>
public sealed class Account
{
    public Account(string name)
    {
        Name = name;
        PrivateKey = Keccak256.Hash("blocktrack-cluster-tests/" + name);
        Address = Secp256k1Signer.AddressOf(PrivateKey);
    }

    public string Name { get; }

    public byte[] PrivateKey { get; }

    /// <summary>Lower-case 0x address, as the cluster keys voters.</summary>
    public string Address { get; }

    /// <summary>The EIP-55 form, as wallets hand addresses out.</summary>
    public string Checksummed => EthAddress.ToChecksum(Address);

    /// <summary><paramref name="count"/> accounts named <c>{prefix}-0</c> … (derived in parallel: key derivation is the slow part).</summary>
    public static Account[] Many(string prefix, int count)
    {
        var accounts = new Account[count];
        Parallel.For(0, count, i => accounts[i] = new Account($"{prefix}-{i}"));
        return accounts;
    }

    public override string ToString() => Name;
}
