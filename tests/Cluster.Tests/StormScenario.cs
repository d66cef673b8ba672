using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Cluster.Tests;

/// <summary>
/// One storm test's DAO and proposals on the shared deployment: a class with no voting delay, a short voting period,
/// no timelock and a treasury transfer per proposal, so execution is visible in the treasury.
/// </summary>
public sealed class StormScenario(MultiSiloFixture fixture, string dao, Action<string> report)
{
    public const string ClassName = "storm";
    public static readonly BigInteger OpeningTreasury = 1_000_000;

    public string Dao { get; } = dao;

    public async Task<IReadOnlyList<StormProposal>> Start(int proposals, TimeSpan votingPeriod)
    {
        await fixture.Api.CreateDao(Dao, new JsonObject
        {
            ["displayName"] = "Storm " + Dao,
            ["constitution"] = new JsonObject { ["classes"] = new JsonArray(StormClass(votingPeriod)) },
            ["treasury"] = new JsonObject { [MultiSiloFixture.Token] = OpeningTreasury.ToString() },
        });
        var proposer = fixture.Voters[0];
        var created = new List<StormProposal>();
        for (var i = 0; i < proposals; i++)
        {
            var recipient = new TestKey($"{Dao}-recipient-{i}").Address;
            var amount = new BigInteger(1000 + i);
            var actions = new JsonArray(new JsonObject
            {
                ["type"] = "treasuryTransfer", ["asset"] = MultiSiloFixture.Token, ["to"] = recipient, ["amount"] = amount.ToString(),
            }).ToJsonString();
            var id = await fixture.Api.Propose(Dao, TypedDataSigner.Sign(proposer, "Proposal",
                Messages.Proposal(proposer, Dao, $"Pay {recipient}", MultiSiloFixture.Now, actions, ClassName)));
            var info = await fixture.Api.Get($"/proposals/{id}");
            created.Add(new StormProposal(id, recipient, amount, info.GetProperty("deadline").GetDateTimeOffset(), info.GetProperty("ballotShards").GetInt32()));
        }
        // Voting opens the second after the snapshot (the creation second: no voting delay).
        foreach (var p in created)
            await Eventually.Until(() => State(p.Id), s => s == "active", TimeSpan.FromSeconds(20), $"{p.Id} to open");
        report($"{Dao}: {proposals} proposals active, deadline {created.Max(p => p.Deadline):HH:mm:ss}");
        return created;
    }

    /// <summary>Every voter's ballot on every proposal, signed now, in an order that keeps all proposals busy at once.</summary>
    public IReadOnlyList<StormBallot> SignBallots(IReadOnlyList<StormProposal> proposals)
    {
        var voters = fixture.Voters;
        var timestamp = MultiSiloFixture.Now;
        var ballots = new StormBallot[voters.Length * proposals.Count];
        Parallel.For(0, ballots.Length, k =>
        {
            var (v, p) = (k / proposals.Count, k % proposals.Count);
            // Mostly For, some Against and Abstain: every proposal passes, and all three sums are checked.
            var support = (v % 10) switch { < 7 => 1, < 9 => 0, _ => 2 };
            var ballot = Messages.Ballot(voters[v], proposals[p].Id, support, timestamp, $"storm {v}");
            var signed = TypedDataSigner.Sign(voters[v], "Ballot", ballot);
            ballots[k] = new StormBallot(proposals[p].Id, voters[v], support, MultiSiloFixture.Weight(v), signed);
        });
        return ballots;
    }

    /// <summary>Silo index → the proposals (and ballot shards) whose activations live there right now.</summary>
    public async Task<Dictionary<int, (List<string> Proposals, int Shards)>> Placement(IReadOnlyList<StormProposal> proposals)
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var bySilo = fixture.Cluster.Silos.ToDictionary(s => s.Index, _ => (Proposals: new List<string>(), Shards: 0));
        foreach (var p in proposals)
        {
            if (await SiloIndex(management, fixture.Grains.GetGrain<IProposalGrain>(p.Id)) is { } silo) bySilo[silo].Proposals.Add(p.Id);
            for (var shard = 0; shard < p.Shards; shard++)
            {
                if (await SiloIndex(management, fixture.Grains.GetGrain<IBallotShardGrain>(BallotShards.Key(p.Id, shard))) is { } s)
                    bySilo[s] = (bySilo[s].Proposals, bySilo[s].Shards + 1);
            }
        }
        return bySilo;
    }

    /// <summary>The live silo hosting the most of the storm (proposals first, then shards): the fault's victim.</summary>
    public async Task<(int Silo, (List<string> Proposals, int Shards) Hosted)> Busiest(IReadOnlyList<StormProposal> proposals)
    {
        var placement = await Placement(proposals);
        report($"placement: {string.Join("; ", placement.Select(p => $"silo-{p.Key}: {string.Join(",", p.Value.Proposals)} + {p.Value.Shards} shards"))}");
        var (silo, hosted) = placement.Where(p => !fixture.Cluster.Silos[p.Key].Process.HasExited)
            .MaxBy(p => p.Value.Proposals.Count * 1000 + p.Value.Shards);
        Assert.NotEmpty(hosted.Proposals);
        return (silo, hosted);
    }

    public async Task<string> State(string proposal) => (await fixture.Api.Get($"/proposals/{proposal}")).GetProperty("state").GetString()!;

    /// <summary>Waits until every proposal has executed; fails with the states seen otherwise.</summary>
    public async Task WaitExecuted(IReadOnlyList<StormProposal> proposals, TimeSpan slack)
    {
        var until = proposals.Max(p => p.Deadline) + slack;
        foreach (var p in proposals)
        {
            var wait = until - DateTimeOffset.UtcNow;
            var limit = wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
            await Eventually.Until(() => State(p.Id), s => s == "executed", limit, $"{p.Id} to execute");
        }
    }

    public async Task<JsonElement> Treasury() => await fixture.Api.Get($"/daos/{Dao}/treasury");

    /// <summary>Voter → digest of every ballot the proposal lists, read page by page as a client would.</summary>
    public async Task<Dictionary<string, string>> ListedBallots(string proposal)
    {
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += 200)
        {
            var page = await fixture.Api.Get($"/proposals/{proposal}/ballots?offset={offset}&limit=200");
            var items = page.GetProperty("items");
            foreach (var ballot in items.EnumerateArray())
            {
                Assert.True(listed.TryAdd(ballot.GetProperty("voter").GetString()!, ballot.GetProperty("digest").GetString()!),
                    $"{proposal} lists voter {ballot.GetProperty("voter")} twice");
            }
            if (items.GetArrayLength() < 200) return listed;
        }
    }

    /// <summary>
    /// The proof: each proposal's final tally holds every acknowledged ballot exactly once (voter count and the three
    /// weighted sums), its ballot list shows each acknowledged voter with the acknowledged digest, and the treasury paid
    /// every proposal's transfer.
    /// </summary>
    public async Task VerifyCounted(BallotStorm storm, IReadOnlyList<StormProposal> proposals)
    {
        foreach (var p in proposals)
        {
            var mine = storm.Results.Where(r => r.Ballot.Proposal == p.Id).ToList();
            var acknowledged = mine.Where(r => r.Outcome == StormOutcome.Acknowledged).Select(r => r.Ballot).ToList();
            var uncertain = mine.Count(r => r.Outcome == StormOutcome.Indeterminate);
            var info = await fixture.Api.Get($"/proposals/{p.Id}");
            var tally = info.GetProperty("tally");
            var voters = tally.GetProperty("voters").GetInt32();
            report($"{p.Id}: {acknowledged.Count} acknowledged, {uncertain} indeterminate; final tally {tally}");

            Assert.Equal(acknowledged.Count, acknowledged.Select(b => b.Voter.Address).Distinct().Count());
            Assert.InRange(voters, acknowledged.Count, acknowledged.Count + uncertain);
            var listed = await ListedBallots(p.Id);
            Assert.Equal(voters, listed.Count);
            foreach (var ballot in acknowledged)
            {
                Assert.True(listed.TryGetValue(ballot.Voter.Address, out var digest), $"{p.Id}: acknowledged ballot of {ballot.Voter.Address} is not listed");
                Assert.Equal(ballot.Signed.Digest, digest);
            }
            if (uncertain == 0)
            {
                Assert.Equal(Sum(acknowledged, 1).ToString(), tally.GetProperty("for").GetString());
                Assert.Equal(Sum(acknowledged, 0).ToString(), tally.GetProperty("against").GetString());
                Assert.Equal(Sum(acknowledged, 2).ToString(), tally.GetProperty("abstain").GetString());
            }
            Assert.False(string.IsNullOrEmpty(info.GetProperty("ballotSetHash").GetString()), $"{p.Id} has no ballot-set hash");
        }
        var paid = proposals.Aggregate(BigInteger.Zero, (sum, p) => sum + p.Amount);
        var treasury = await Treasury();
        Assert.Equal((OpeningTreasury - paid).ToString(), treasury.GetProperty("balances").GetProperty(MultiSiloFixture.Token).GetString());
    }

    private static BigInteger Sum(IEnumerable<StormBallot> ballots, int support) =>
        ballots.Where(b => b.Support == support).Aggregate(BigInteger.Zero, (sum, b) => sum + b.Weight);

    private async Task<int?> SiloIndex(IManagementGrain management, IAddressable grain) =>
        await management.GetActivationAddress(grain) is { } address ? IndexOf(address.Endpoint) : null;

    private int? IndexOf(System.Net.IPEndPoint endpoint) => fixture.Cluster.Silos.FirstOrDefault(s => s.Endpoint.Equals(endpoint))?.Index;

    private static JsonObject StormClass(TimeSpan votingPeriod) => new()
    {
        ["name"] = ClassName,
        ["quorumBps"] = 100,
        ["approvalThresholdBps"] = 5000,
        ["votingDelay"] = "00:00:00",
        ["votingPeriod"] = votingPeriod.ToString("c"),
        ["timelockDelay"] = "00:00:00",
        ["gracePeriod"] = "1.00:00:00",
        ["proposalThreshold"] = "0",
        ["powerSource"] = new JsonObject { ["kind"] = "tokenVotes", ["token"] = MultiSiloFixture.Token },
        ["allowBallotChange"] = false,
        ["allowedActions"] = "all",
    };
}
