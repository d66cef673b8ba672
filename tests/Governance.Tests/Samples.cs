using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests;

/// <summary>Well-formed building blocks; each test changes only the part its rule is about.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    /// <summary>A canonical (lower-case, 20-byte) address whose last digits are <paramref name="n"/>.</summary>
    public static string Address(int n) => "0x" + n.ToString("x40");

    public static ProposalClass Constitutional => new()
    {
        Name = "constitutional",
        QuorumBps = 1000,
        ApprovalThresholdBps = 6667,
        VotingPeriod = TimeSpan.FromDays(7),
        TimelockDelay = TimeSpan.FromDays(2),
        AllowedActions = ActionKinds.All,
    };

    public static ProposalClass Standard => new()
    {
        Name = "standard",
        QuorumBps = 400,
        ApprovalThresholdBps = 5000,
        VotingPeriod = TimeSpan.FromDays(3),
        TimelockDelay = TimeSpan.FromDays(1),
        AllowedActions = ActionKinds.TreasuryTransfer | ActionKinds.SetRole,
    };

    public static Constitution Constitution(params ProposalClass[] classes) => new()
    {
        Version = 1,
        Classes = classes.Length == 0 ? [Constitutional, Standard] : [.. classes],
    };

    /// <summary>A sub-DAO constitution that fits inside default <see cref="ConstitutionBounds"/>.</summary>
    public static Constitution SubDaoConstitution => new()
    {
        Version = 1,
        Classes =
        [
            Constitutional with { AllowedActions = ActionKinds.AmendConstitution | ActionKinds.TreasuryTransfer },
            Standard with { Name = "grant" },
        ],
    };

    public static Ballot Ballot(int voter, Support support, BigInteger weight, long timestamp = 0) => new()
    {
        Voter = Address(voter),
        Support = support,
        Weight = weight,
        Timestamp = timestamp,
        Digest = "0x" + (voter * 1000 + timestamp).ToString("x64"),
    };

    public static ImmutableDictionary<string, BigInteger> Treasury(params (string Asset, int Amount)[] balances) =>
        balances.ToImmutableDictionary(b => b.Asset, b => (BigInteger)b.Amount);
}
