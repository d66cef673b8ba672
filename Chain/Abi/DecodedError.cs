namespace Blocktrack.Chain.Abi;

/// <summary>A custom error decoded from revert data.</summary>
public sealed record DecodedError(AbiError Error, IReadOnlyList<object?> Values)
{
    public string Name => Error.Name;

    public override string ToString() => $"{Error.Name}({string.Join(", ", Values.Select(AbiFormat.Value))})";
}
