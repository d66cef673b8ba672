namespace Blocktrack.Chain.Abi;

/// <summary>The families of Solidity ABI types.</summary>
public enum AbiTypeKind
{
    Address,
    Bool,
    UInt,
    Int,
    FixedBytes,
    Bytes,
    String,
    Array,
    FixedArray,
    Tuple,
}
