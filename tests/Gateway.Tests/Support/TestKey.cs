using Blocktrack.Chain;

namespace Blocktrack.Gateway.Tests;

/// <summary>A fixed test account: its private key is the Keccak hash of a name, so every run signs identically.</summary>
public sealed class TestKey
{
    private TestKey(string name)
    {
        Name = name;
        PrivateKey = Keccak256.Hash("blocktrack-gateway-tests/" + name);
        Address = Secp256k1Signer.AddressOf(PrivateKey);
    }

    public static readonly TestKey Alice = new("alice");
    public static readonly TestKey Bob = new("bob");
    public static readonly TestKey Carol = new("carol");
    public static readonly TestKey Mallory = new("mallory");

    public string Name { get; }

    public byte[] PrivateKey { get; }

    /// <summary>Lower-case 0x address.</summary>
    public string Address { get; }

    /// <summary>The EIP-55 form, as wallets display it.</summary>
    public string Checksummed => EthAddress.ToChecksum(Address);

    public override string ToString() => Name;
}
