using System.Globalization;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// How a proposal's ballots spread over shard grains: by voter, so each voter always lands on the same shard
/// and one-ballot-per-voter holds without coordination. Clients route ballots to the shard directly.
/// </summary>
public static class BallotShards
{
    public const int Default = 8;
    public const int Max = 256;

    /// <summary>The shard of a canonical (lower-case 0x) address: its last four hex digits modulo the shard count.</summary>
    public static int Of(string voter, int shards)
    {
        if (shards <= 1 || voter.Length < 6) return 0;
        var tail = int.Parse(voter.AsSpan(voter.Length - 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return tail % shards;
    }

    /// <summary>Grain key of a shard: <c>{proposal}/{shard}</c>.</summary>
    public static string Key(string proposal, int shard) => $"{proposal}/{shard}";

    public static IBallotShardGrain Shard(this IGrainFactory grains, string proposal, string voter, int shards) =>
        grains.GetGrain<IBallotShardGrain>(Key(proposal, Of(voter, shards)));
}
