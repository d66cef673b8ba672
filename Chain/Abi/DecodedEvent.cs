namespace Blocktrack.Chain.Abi;

/// <summary>A decoded log: values in the event's parameter order, also reachable by parameter name.</summary>
public sealed record DecodedEvent(string Name, IReadOnlyList<string> ParameterNames, IReadOnlyList<object?> Values)
{
    public object? this[string name]
    {
        get
        {
            var i = ParameterNames.ToList().IndexOf(name);
            return i >= 0 ? Values[i] : throw new KeyNotFoundException($"{Name} has no parameter '{name}'.");
        }
    }

    public T Get<T>(string name) => (T)this[name]!;
}
