using System.Numerics;

namespace Blocktrack.Chain.Abi;

/// <summary>Why a call reverted, decoded from its revert data: <c>Error(string)</c> from require/revert with a message,
/// <c>Panic(uint256)</c> from failed checks the compiler inserts, or a custom error left for a <see cref="ContractAbi"/>.</summary>
public sealed record RevertReason(byte[] Data, string? Message, BigInteger? PanicCode)
{
    private static readonly byte[] ErrorSelector = [0x08, 0xc3, 0x79, 0xa0];
    private static readonly byte[] PanicSelector = [0x4e, 0x48, 0x7b, 0x71];

    /// <summary>The 4-byte selector of a custom error, when the data is neither Error(string) nor Panic(uint256).</summary>
    public string? CustomErrorSelector =>
        Message is null && PanicCode is null && Data.Length >= 4 ? Hex.ToHex(Data.AsSpan(0, 4)) : null;

    public static RevertReason Decode(ReadOnlySpan<byte> data)
    {
        var copy = data.ToArray();
        try
        {
            if (data.Length >= 4 && data[..4].SequenceEqual(ErrorSelector))
                return new RevertReason(copy, (string)AbiDecoder.DecodeSingle(AbiType.String, data[4..])!, null);
            if (data.Length >= 4 && data[..4].SequenceEqual(PanicSelector))
                return new RevertReason(copy, null, (BigInteger)AbiDecoder.DecodeSingle(AbiType.UInt256, data[4..])!);
        }
        catch (AbiException)
        {
            // Malformed payload behind a known selector: keep the raw bytes rather than fail the caller's error path.
        }
        return new RevertReason(copy, null, null);
    }

    /// <summary>Decodes a custom error with the contract's ABI when it declares one matching the selector.</summary>
    public DecodedError? DecodeCustomError(ContractAbi abi) => abi.TryDecodeError(Data);

    public static string DescribePanic(BigInteger code) => (int)(code > 0x100 ? 0x100 : code) switch
    {
        0x00 => "generic compiler panic",
        0x01 => "assert failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "invalid enum value",
        0x22 => "corrupt storage byte array",
        0x31 => "pop on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "out of memory",
        0x51 => "call to an uninitialised function pointer",
        _ => "unknown panic code",
    };

    public override string ToString() =>
        Message is not null ? Message
        : PanicCode is { } code ? $"panic 0x{code:x2} ({DescribePanic(code)})"
        : CustomErrorSelector is { } selector ? $"custom error {selector}"
        : "reverted without a reason";
}
