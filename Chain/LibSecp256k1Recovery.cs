namespace Blocktrack.Chain;

/// <summary>Public-key recovery through the native libsecp256k1 (Bitcoin Core's library), when it is installed.</summary>
public sealed unsafe class LibSecp256k1Recovery : ISignatureRecovery
{
    private static readonly Lazy<LibSecp256k1Native?> Native = new(LibSecp256k1Native.TryLoad);
    private readonly LibSecp256k1Native native;

    private LibSecp256k1Recovery(LibSecp256k1Native native) => this.native = native;

    public static bool IsAvailable => Native.Value is not null;

    public string Name => $"libsecp256k1 ({native.LibraryName})";

    /// <summary>The shared instance, or null when no libsecp256k1 with the recovery module can be loaded.</summary>
    public static LibSecp256k1Recovery? TryCreate() => Native.Value is { } loaded ? new LibSecp256k1Recovery(loaded) : null;

    public byte[] RecoverAddress(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature65)
    {
        SignatureChecks.RequireHash(hash32);
        // Validating first also keeps recid within 0..3: the library aborts the process on illegal arguments.
        var recoveryId = SignatureChecks.Validate(signature65);

        var parsed = stackalloc byte[65];
        var publicKey = stackalloc byte[64];
        var serialized = stackalloc byte[65];
        nuint serializedLength = 65;
        fixed (byte* signature = signature65)
        fixed (byte* hash = hash32)
        {
            if (native.ParseCompact(native.Context, parsed, signature, recoveryId) != 1)
                throw new SignatureException(SignatureError.Unrecoverable, "libsecp256k1 could not parse the signature.");
            if (native.Recover(native.Context, publicKey, parsed, hash) != 1)
                throw new SignatureException(SignatureError.Unrecoverable, "Signature does not recover a public key.");
        }
        native.Serialize(native.Context, serialized, &serializedLength, publicKey, LibSecp256k1Native.EcUncompressed);
        return EthAddress.FromPublicKey(new ReadOnlySpan<byte>(serialized + 1, 64));
    }
}
