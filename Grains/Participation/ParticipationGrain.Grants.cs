using Blocktrack.Grains.Governance.Participation;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Participation;

/// <summary>A delivered grant milestone earns its grantee points (and counts toward milestone badges), once per milestone.</summary>
public sealed partial class ParticipationGrain
{
    public async Task MilestoneDelivered(string grant, int milestone, string grantee, long at)
    {
        Governance.Refuse.Unless(Names.TryParseGrantKey(grant, out var program, out _)
            && Names.TryParseProgramKey(program, out var dao, out _)
            && dao == Dao, GovernanceError.InvalidArgument, $"'{grant}' is not a grant of '{Dao}'");
        Addresses.Require(grantee, "grantee");
        if (await Rules() is not { } rules) return;
        var job = new ParticipationJob { Epoch = Epochs.Of(at, rules.EpochSeconds) };
        await Earn(job, grantee, PointsRules.MilestoneCause(grant, milestone), rules.MilestonePoints,
            ParticipantFactKind.MilestoneDelivered, at);
    }
}
