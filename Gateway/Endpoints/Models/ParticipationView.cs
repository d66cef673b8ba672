using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>An address's participation in a DAO, with its reputation there now and at <see cref="At"/>.</summary>
public sealed record ParticipationView(
    string Dao,
    string Address,
    long Ballots,
    long ProposalsPassed,
    long ModerationsUpheld,
    long TotalPoints,
    ImmutableArray<EpochPoints> Epochs,
    ImmutableArray<RewardCredit> Rewards,
    ImmutableArray<BadgeAward> Badges,
    BigInteger Reputation,
    long At,
    BigInteger ReputationAt);

/// <summary>A DAO's participation programme, its current epoch, its rewards budgets and how far its ledger has got.</summary>
public sealed record RewardsView(
    string Dao,
    ParticipationRules? Programme,
    long? CurrentEpoch,
    ImmutableArray<RewardBudget> Budgets,
    ParticipationStatus Ledger);
