using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Participation;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Participation;

/// <summary>
/// One address's participation in one DAO (key <c>{dao}/{address}</c>): the facts the DAO's ledger and epochs record, each
/// once by its cause, and the badges they earn (in ParticipantGrain.Badges, with their mint on the L3). Only grains
/// call <see cref="Record"/>: nothing an address signs reaches it directly. Not reentrant; readings interleave.
/// </summary>
public sealed partial class ParticipantGrain(
    [PersistentState(GovernanceStorage.ParticipantState, GovernanceStorage.Name)] IPersistentState<ParticipantState> state,
    IChainExecutor chains,
    TimeProvider clock,
    ILogger<ParticipantGrain> log) : Grain, IParticipantGrain
{
    private string _dao = "", _address = "";

    private ParticipantState S => state.State;
    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Refuse.Unless(Names.TryParsePersonhoodKey(this.GetPrimaryKeyString(), out _dao, out _address), GovernanceError.InvalidArgument,
            $"'{this.GetPrimaryKeyString()}' is not a participant key ({{dao}}/{{lower-case address}})");
        if (PendingMints().Any()) ScheduleMint(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public async Task Record(ParticipantFact fact)
    {
        Refuse.Unless(!string.IsNullOrEmpty(fact.Cause) && Enum.IsDefined(fact.Kind), GovernanceError.InvalidArgument,
            "a participant fact needs a known kind and a cause");
        if (S.Causes.Contains(fact.Cause)) return;
        S.Causes.Add(fact.Cause);
        int? rank = null;
        switch (fact.Kind)
        {
            case ParticipantFactKind.Voted:
                S.Ballots++;
                Insert(S.Voted, fact.ClosedIndex);
                S.LatestClosed = Math.Max(S.LatestClosed, fact.ClosedIndex);
                break;
            case ParticipantFactKind.ProposalPassed:
                S.ProposalsPassed++;
                break;
            case ParticipantFactKind.ModerationUpheld:
                S.ModerationsUpheld++;
                break;
            case ParticipantFactKind.MilestoneDelivered:
                S.MilestonesDelivered++;
                break;
            case ParticipantFactKind.RewardCredited:
                // Kept by epoch: epochs may be paid out of order (one retried after another closed).
                var credit = new RewardCredit
                {
                    Epoch = fact.Epoch, Asset = fact.Asset ?? "", Amount = fact.Amount, Transaction = fact.Transaction,
                };
                S.Rewards.Insert(S.Rewards.FindLastIndex(r => r.Epoch <= credit.Epoch) + 1, credit);
                break;
            case ParticipantFactKind.TopInEpoch:
                rank = fact.Rank;
                break;
        }
        if (fact.Points > 0) S.EpochPoints[fact.Epoch] = S.EpochPoints.GetValueOrDefault(fact.Epoch) + fact.Points;
        var minted = await AwardBadges(fact, rank);
        await state.WriteStateAsync();
        if (minted) ScheduleMint(TimeSpan.Zero);
    }

    public Task<ParticipantInfo> GetInfo() => Task.FromResult(new ParticipantInfo
    {
        Dao = _dao,
        Address = _address,
        Ballots = S.Ballots,
        ProposalsPassed = S.ProposalsPassed,
        ModerationsUpheld = S.ModerationsUpheld,
        MilestonesDelivered = S.MilestonesDelivered,
        TotalPoints = S.EpochPoints.Values.Sum(),
        Epochs = [.. S.EpochPoints.Select(e => new EpochPoints { Epoch = e.Key, Points = e.Value })],
        Rewards = [.. S.Rewards],
        Badges = [.. S.Badges],
    });

    /// <summary>Awards every badge the DAO's rules now grant and the address does not hold; true when one is to be minted.</summary>
    private async Task<bool> AwardBadges(ParticipantFact fact, int? rank)
    {
        var dao = await GrainFactory.GetGrain<IDaoGrain>(_dao).GetInfo();
        var rules = dao.Constitution.Participation?.Badges ?? [];
        if (rules.IsDefaultOrEmpty) return false;
        var held = S.Badges.Select(b => b.Badge).ToHashSet(StringComparer.Ordinal);
        var record = new BadgeRules.Record(S.Ballots, S.ProposalsPassed, S.Voted, S.LatestClosed, rank)
        {
            MilestonesDelivered = S.MilestonesDelivered,
        };
        var contract = chains.BadgeContract;
        var any = false;
        foreach (var rule in BadgeRules.Earned(rules, record, held))
        {
            S.Badges.Add(new BadgeAward
            {
                Badge = rule.Id, Name = rule.Name, Cause = fact.Cause, AwardedAt = fact.At == 0 ? Now : fact.At,
                TokenId = BadgeContract.TokenId(_dao, rule.Id, _address).ToString(), Chain = contract?.Chain,
            });
            log.BadgeAwarded(_dao, _address, rule.Id, fact.Cause);
            any |= contract is not null;
        }
        return any;
    }

    private static void Insert(List<long> sorted, long value)
    {
        var i = sorted.BinarySearch(value);
        if (i < 0) sorted.Insert(~i, value);
    }
}
