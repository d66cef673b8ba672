namespace Blocktrack.Grains.Governance;

/// <summary>An action of an executing proposal failed; none of its actions applied.</summary>
public sealed class ActionFailedException(int actionIndex, string message) : Exception(message)
{
    public int ActionIndex { get; } = actionIndex;
}
