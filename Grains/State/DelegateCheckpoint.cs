namespace Blocktrack.Grains.State;

/// <summary>
/// From <see cref="Timepoint"/> (unix seconds) on, the address's balance is delegated to <see cref="Delegate"/> (null:
/// nobody).
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.DelegateCheckpoint")]
public readonly record struct DelegateCheckpoint([property: Id(0)] long Timepoint, [property: Id(1)] string? Delegate);
