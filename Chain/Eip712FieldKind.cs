namespace Blocktrack.Chain;

/// <summary>The EIP-712 encoding rule a field type follows.</summary>
internal enum Eip712FieldKind
{
    Address,
    Bool,
    Uint,
    Int,
    FixedBytes,
    String,
    Bytes,
    Struct,
    Array,
}
