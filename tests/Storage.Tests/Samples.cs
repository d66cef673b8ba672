using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Storage.Tests;

/// <summary>Realistic values to store: a governance state and signed ballots of typical size.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Founded = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Address(int n) => $"0x{n:x40}";

    public static GrainId NewGrainId(string type = "storagetest") => GrainId.Create(type, Guid.NewGuid().ToString("N"));

    public static DaoState Dao(string name) => new()
    {
        Created = true,
        DisplayName = name,
        CreatedAt = Founded,
        CreatedBy = Address(1),
        Constitutions =
        [
            new Constitution
            {
                Version = 1, AdoptedAt = Founded,
                Classes = [new ProposalClass { Name = "standard", QuorumBps = 400, VotingPeriod = TimeSpan.FromDays(3) }],
            },
        ],
        Roles = new DaoRoles { Guardian = Address(2), Committee = [Address(3), Address(4)] },
        SubDaos = [$"{name}/grants"],
        Treasury = ImmutableDictionary<string, BigInteger>.Empty.Add("btk", BigInteger.Pow(10, 30) + 7),
        Proposals = [new ProposalSummary { Id = $"{name}/1", Title = "Fund the docs", Class = "standard", Proposer = Address(5), State = ProposalState.Active, CreatedAt = Founded }],
        Credited = ["deposit-1"],
    };

    public static Ballot Ballot(int n) => new()
    {
        Voter = Address(n),
        Support = (Support)(n % 3),
        Weight = BigInteger.Pow(10, 18) * (n + 1),
        Reason = n % 10 == 0 ? "Because the grants committee asked for it" : "",
        Timestamp = Founded.ToUnixTimeSeconds() + n,
        Digest = "0x" + Convert.ToHexStringLower(BitConverter.GetBytes((long)n)).PadLeft(64, 'a'),
        Signature = "0x" + new string('b', 128) + "1b",
        RecordedAt = Founded.AddSeconds(n),
    };

    public static List<Ballot> Ballots(int from, int count) => [.. Enumerable.Range(from, count).Select(Ballot)];
}
