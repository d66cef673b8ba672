using Blocktrack.Chain;

namespace Blocktrack.Tests.Support;

/// <summary>
/// The first accounts of Hardhat's standard test mnemonic ("test test … junk"): publicly known keys, funded on every
/// dev chain; and fresh random keys for a test of its own.
/// </summary>
public static class DevAccounts
{
    public static readonly byte[][] Keys =
    [
        Hex.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"),
        Hex.Parse("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
        Hex.Parse("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"),
        Hex.Parse("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"),
        Hex.Parse("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a"),
    ];

    public static readonly string[] Addresses = [.. Keys.Select(AddressOf)];

    public static byte[] Deployer => Keys[0];

    public static string DeployerAddress => Addresses[0];

    /// <summary>A new key (funded by the caller, e.g. with hardhat_setBalance).</summary>
    public static byte[] NewKey() => Secp256k1Signer.NewPrivateKey();

    public static string AddressOf(byte[] key) => Secp256k1Signer.AddressOf(key);
}
