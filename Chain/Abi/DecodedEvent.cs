namespace Blocktrack.Chain.Abi;

/// <summary>A decoded log: values in the event's parameter order, also reachable by parameter name.</summary>
public sealed record DecodedEvent(AbiEvent Event, IReadOnlyList<object?> Values)
{
    public string Name => Event.Name;

    public object? this[string name]
    {
        get
        {
            for (var i = 0; i < Event.Inputs.Count; i++)
            {
                if (Event.Inputs[i].Name == name)
                    return Values[i];
            }
            throw new KeyNotFoundException($"{Event.Signature} has no parameter '{name}'.");
        }
    }

    public T Get<T>(string name) => (T)this[name]!;

    public override string ToString() => $"{Event.Name}({string.Join(", ", Values.Select(AbiFormat.Value))})";
}
