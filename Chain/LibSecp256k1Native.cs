using System.Reflection;
using System.Runtime.InteropServices;

namespace Blocktrack.Chain;

/// <summary>Function pointers into a loaded libsecp256k1 with the recovery module, plus one verification context.</summary>
internal sealed unsafe class LibSecp256k1Native
{
    // SECP256K1_CONTEXT_VERIFY: deprecated but still accepted by 0.2+, and required by older releases for recovery.
    private const uint ContextVerify = (1 << 0) | (1 << 8);
    public const uint EcUncompressed = 1 << 1;

    // Debian 12 ships .so.1 (0.2.x), Debian 13/Ubuntu 24.04 ship .so.2 (0.5.x); the rest cover macOS, Windows and app-local copies.
    private static readonly string[] Candidates =
    [
        "libsecp256k1.so.2", "libsecp256k1.so.1", "libsecp256k1.so.0", "libsecp256k1.so",
        "libsecp256k1.2.dylib", "libsecp256k1.dylib", "libsecp256k1-2.dll", "secp256k1.dll",
    ];

    private LibSecp256k1Native(string libraryName, nint context,
        delegate* unmanaged[Cdecl]<nint, byte*, byte*, int, int> parseCompact,
        delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, int> recover,
        delegate* unmanaged[Cdecl]<nint, byte*, nuint*, byte*, uint, int> serialize)
    {
        LibraryName = libraryName;
        Context = context;
        ParseCompact = parseCompact;
        Recover = recover;
        Serialize = serialize;
    }

    public string LibraryName { get; }

    // Created once and never destroyed: after creation the context is read-only, so concurrent recoveries may share it.
    public nint Context { get; }

    public delegate* unmanaged[Cdecl]<nint, byte*, byte*, int, int> ParseCompact { get; }

    public delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, int> Recover { get; }

    public delegate* unmanaged[Cdecl]<nint, byte*, nuint*, byte*, uint, int> Serialize { get; }

    /// <summary>Loads the first candidate that exports the recovery module; null when none does.</summary>
    public static LibSecp256k1Native? TryLoad()
    {
        var assembly = typeof(LibSecp256k1Native).Assembly;
        foreach (var name in Candidates)
        {
            const DllImportSearchPath search = DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory;
            if (!NativeLibrary.TryLoad(name, assembly, search, out var handle))
                continue;
            var loaded = TryBind(name, handle);
            if (loaded is not null)
                return loaded;
            NativeLibrary.Free(handle);
        }
        return null;
    }

    private static LibSecp256k1Native? TryBind(string name, nint handle)
    {
        // A build without --enable-module-recovery lacks these exports; treat it as absent rather than failing later.
        if (!NativeLibrary.TryGetExport(handle, "secp256k1_context_create", out var create)
            || !NativeLibrary.TryGetExport(handle, "secp256k1_ecdsa_recoverable_signature_parse_compact", out var parse)
            || !NativeLibrary.TryGetExport(handle, "secp256k1_ecdsa_recover", out var recover)
            || !NativeLibrary.TryGetExport(handle, "secp256k1_ec_pubkey_serialize", out var serialize))
            return null;
        var context = ((delegate* unmanaged[Cdecl]<uint, nint>)create)(ContextVerify);
        if (context == 0)
            return null;
        return new LibSecp256k1Native(name, context,
            (delegate* unmanaged[Cdecl]<nint, byte*, byte*, int, int>)parse,
            (delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, int>)recover,
            (delegate* unmanaged[Cdecl]<nint, byte*, nuint*, byte*, uint, int>)serialize);
    }
}
