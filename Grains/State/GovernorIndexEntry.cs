namespace Blocktrack.Grains.State;

/// <summary>
/// A proposal in a governor's index: when it was created and the last block that changed it (to find whom a rollback
/// touches).
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.GovernorIndexEntry")]
public sealed record GovernorIndexEntry(
    [property: Id(0)] string ProposalId,
    [property: Id(1)] long CreatedBlock,
    [property: Id(2)] int CreatedLogIndex,
    [property: Id(3)] long LastBlock);
