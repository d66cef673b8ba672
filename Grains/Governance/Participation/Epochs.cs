using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Participation;

/// <summary>Reward epochs: epoch n covers [n·length, (n+1)·length) unix seconds, the same for every address of a DAO.</summary>
public static class Epochs
{
    public static long Of(long unixSeconds, long length) => ParticipationRules.EpochAt(unixSeconds, length);

    public static long Start(long epoch, long length) => epoch * length;

    public static long End(long epoch, long length) => (epoch + 1) * length;

    /// <summary>When an epoch closes: its end plus the settling time, so facts of its last moments are counted in it.</summary>
    public static long ClosesAt(long epoch, ParticipationRules rules) => End(epoch, rules.EpochSeconds) + rules.SettleSeconds;
}
