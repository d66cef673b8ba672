namespace Blocktrack.Chain.Tests.Support;

/// <summary>Both recovery implementations; a machine without libsecp256k1 fails the tests that need it, with the fix.</summary>
internal static class Recoveries
{
    public static LibSecp256k1Recovery Native =>
        LibSecp256k1Recovery.TryCreate()
        ?? throw new InvalidOperationException("libsecp256k1 with the recovery module is not loadable: run `apt-get install -y libsecp256k1-1` (Debian 12) or libsecp256k1-2 (Debian 13+).");

    public static IEnumerable<ISignatureRecovery> All => [BouncyCastleRecovery.Instance, Native];

    public static TheoryData<string> Names => new("BouncyCastle", "libsecp256k1");

    public static ISignatureRecovery ByName(string name) => name == "BouncyCastle" ? BouncyCastleRecovery.Instance : Native;
}
