using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of an address's participation in a DAO.</summary>
[GenerateSerializer, Alias("bt.ParticipantState")]
public sealed class ParticipantState
{
    /// <summary>Causes of every fact recorded, so a redelivered fact changes nothing.</summary>
    [Id(0)] public HashSet<string> Causes { get; set; } = [];
    [Id(1)] public long Ballots { get; set; }

    /// <summary>Closed-proposal indexes of the proposals voted on, ascending.</summary>
    [Id(2)] public List<long> Voted { get; set; } = [];
    [Id(3)] public long ProposalsPassed { get; set; }
    [Id(4)] public long ModerationsUpheld { get; set; }
    [Id(5)] public SortedDictionary<long, long> EpochPoints { get; set; } = [];
    [Id(6)] public List<RewardCredit> Rewards { get; set; } = [];
    [Id(7)] public List<BadgeAward> Badges { get; set; } = [];
    [Id(8)] public long LatestClosed { get; set; }
    [Id(9)] public long MilestonesDelivered { get; set; }
}
