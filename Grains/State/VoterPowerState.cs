namespace Blocktrack.Grains.State;

/// <summary>
/// What a ballot reads of a stored <see cref="VoterState"/>: its token positions and nothing else. A voter's payload
/// deserializes into either type (the field ids match, and the Orleans serializer skips the fields this one lacks), so a
/// shard reading a voter's power does not build the voter's outboxes and its applied-transfer, used-message and report
/// maps. VoterPowerStateTests pin it to VoterState's fields.
/// </summary>
[GenerateSerializer, Alias("bt.VoterPowerState")]
public sealed class VoterPowerState
{
    /// <summary><see cref="VoterState.Tokens"/>.</summary>
    [Id(0)] public Dictionary<string, TokenPosition> Tokens { get; set; } = [];
}
