using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance.Participation;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>A DAO with a participation programme on the shared fake clock, and shorthand for its ledger.</summary>
public sealed class ParticipationScenario(IFakeClockCluster fixture, string dao)
{
    public const long Week = 7 * 24 * 3600;

    public DaoScenario Dao { get; } = new(fixture, dao);

    public static ParticipationRules Programme => new()
    {
        EpochSeconds = Week, VotePoints = 1, ReasonPoints = 2, ProposalPassedPoints = 10, ModerationPoints = 3, CapPerEpoch = 12,
        MinVotingPower = 100, AppealWindowSeconds = 5 * 24 * 3600, SettleSeconds = 3600,
        Badges =
        [
            new() { Id = "first-ballot", Name = "First ballot", Kind = BadgeKind.Ballots, Threshold = 1 },
            new() { Id = "three-ballots", Name = "Three ballots", Kind = BadgeKind.Ballots, Threshold = 3 },
            new() { Id = "proposer", Name = "Proposal passed", Kind = BadgeKind.ProposalsPassed, Threshold = 1 },
            new()
            {
                Id = "regular", Name = "Voted on every one of the last two", Kind = BadgeKind.Participation, Threshold = 10_000, Window = 2,
            },
            new() { Id = "top", Name = "Top participant of an epoch", Kind = BadgeKind.TopParticipant, Threshold = 1 },
        ],
    };

    /// <summary>A class that may fund rewards and uphold appeals, besides the standard actions.</summary>
    public ProposalClass Rewards => Dao.Standard with
    {
        Name = "rewards",
        AllowedActions = Dao.Standard.AllowedActions | ActionKinds.FundRewards | ActionKinds.ReverseModeration,
    };

    public Constitution Constitution => Dao.Constitution(Rewards) with { Participation = Programme };

    public long Epoch => Epochs.Of(Dao.Now, Week);

    /// <summary>Moves the shared clock to an hour into the next epoch, so a scenario's timeline does not depend on when it runs.</summary>
    public void AlignToEpoch() => Dao.Advance(TimeSpan.FromSeconds(Epochs.End(Epoch, Week) - Dao.Now + 3600));

    public Task<BallotReceipt> Vote(string proposal, string voter, Support support, string reason)
    {
        var ts = Dao.Now;
        return Dao.Proposal(proposal).CastBallot(new BallotRequest
        {
            Voter = voter, Support = support, Reason = reason, Timestamp = ts,
            Digest = Hex.ToHex(Keccak256.Hash($"{voter}|{proposal}|{support}|{ts}|{reason}")), Signature = "0x",
        });
    }

    public IParticipationGrain Ledger => Dao.Grains.GetGrain<IParticipationGrain>(Dao.Dao);

    public IRewardEpochGrain EpochGrain(long epoch) => Dao.Grains.GetGrain<IRewardEpochGrain>(Names.EpochKey(Dao.Dao, epoch));

    public Task<ParticipantInfo> Participant(string address) =>
        Dao.Grains.GetGrain<IParticipantGrain>(Names.ParticipantKey(Dao.Dao, address)).GetInfo();

    /// <summary>Waits until the ledger has turned every closed proposal and due moderation into awards.</summary>
    public Task<ParticipationStatus> Settled(long closed) =>
        Eventually.Until(() => Ledger.GetStatus(), s => s.ProposalsClosed >= closed && s.PendingProposals == 0,
            what: "participation ledger");

    public Task<RewardEpochInfo> Paid(long epoch) =>
        Eventually.Until(() => EpochGrain(epoch).GetInfo(0, 100), e => e.State == RewardEpochState.Paid, what: $"epoch {epoch} paid");

    public Task<BigInteger> Reputation(string address) =>
        Dao.Grains.GetGrain<IReputationGrain>(address).GetReputation(Dao.Dao, Dao.Now);
}
