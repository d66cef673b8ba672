namespace Blocktrack.Chain.Abi;

/// <summary>A named parameter of a function, event, error or tuple; <paramref name="Indexed"/> only matters for events.</summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false)
{
    public override string ToString() => $"{Type}{(Indexed ? " indexed" : "")}{(Name.Length > 0 ? " " + Name : "")}";
}
