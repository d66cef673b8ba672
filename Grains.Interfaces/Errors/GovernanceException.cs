namespace Blocktrack.Grains.Interfaces;

/// <summary>A refusal by a grain. Whatever raised it changed nothing.</summary>
[GenerateSerializer, Alias("bt.GovernanceException")]
public sealed class GovernanceException : Exception
{
    public GovernanceException(GovernanceError error, string message) : base(message) => Error = error;

    [Id(0)] public GovernanceError Error { get; private set; }
}
