using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Silo;
using Blocktrack.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Blocktrack.Benchmarks;

/// <summary>
/// A one-silo in-process cluster on the memory profile with governance time on a fake clock (as the grain tests run it),
/// and a DAO whose constitution has a participation programme: what the epoch scenario needs to reach an epoch's close
/// in seconds instead of a week. Grain state is serialized into memory, not written to a database.
/// </summary>
public sealed class EpochWorld : IAsyncDisposable
{
    public const string Token = "btk";
    public const string ClassName = "rewards";
    public const long Week = 7 * 24 * 3600;

    /// <summary>The programme: a point per ballot, a budget shared by points, no badges (each would add its own work).</summary>
    public static readonly ParticipationRules Programme = new()
    {
        EpochSeconds = Week, VotePoints = 1, ReasonPoints = 0, ProposalPassedPoints = 10, CapPerEpoch = 100,
        MinVotingPower = 1, SettleSeconds = 3600,
    };

    private readonly InProcessTestCluster _cluster;

    private EpochWorld(InProcessTestCluster cluster, FakeTimeProvider clock)
    {
        _cluster = cluster;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public IGrainFactory Grains => _cluster.Client;

    public long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    public long Epoch => ParticipationRules.EpochAt(Now, Week);

    public static async Task<EpochWorld> Start()
    {
        // An hour into an epoch, so the scenario's days of voting and execution stay inside it.
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds((ParticipationRules.EpochAt(now, Week) + 1) * Week + 3600));
        var cluster = await InProcessClusters.StartAsync(new Dictionary<string, string?> { ["Orleans:Profile"] = "memory" },
            builder => builder.ConfigureSilo((_, silo) => silo.Services.UseGovernanceClock(clock)));
        return new EpochWorld(cluster, clock);
    }

    /// <summary>Founds the DAO with a treasury and one class that may fund rewards: voting a day, no timelock.</summary>
    public Task CreateDao(string path, BigInteger treasury) => Grains.GetGrain<IDaoGrain>(path).CreateRoot(new CreateDaoRequest
    {
        DisplayName = "Benchmark " + path,
        Treasury = ImmutableDictionary<string, BigInteger>.Empty.Add(Token, treasury),
        Constitution = new Constitution
        {
            Classes =
            [
                new ProposalClass
                {
                    Name = ClassName, QuorumBps = 100, VotingDelay = TimeSpan.FromMinutes(1), VotingPeriod = TimeSpan.FromDays(1),
                    TimelockDelay = TimeSpan.Zero, GracePeriod = TimeSpan.FromDays(1), PowerSource = PowerSource.TokenVotes(Token),
                    AllowedActions = ActionKinds.All,
                },
            ],
            Participation = Programme,
        },
    });

    /// <summary>Voting power for every voter through the chain watchers' path, and the votable supply once.</summary>
    public async Task FeedPower(IReadOnlyList<string> voters, int concurrency)
    {
        var at = Now - 5;
        var result = await Driver.Run("voting power", voters.Count, concurrency,
            i => Grains.GetGrain<IVoterGrain>(voters[i]).ApplyChainVotes(Token, block: 1, logIndex: 0, at, 1));
        if (result.Failures > 0) throw new InvalidOperationException($"Feeding voting power failed: {result.FirstFailure}");
        await Grains.GetGrain<ITokenSupplyGrain>(Token).ApplyChainDelta(1, 0, at, voters.Count);
    }

    /// <summary>Proposes the actions and moves the clock past the snapshot; returns the proposal once voting is open.</summary>
    public async Task<ProposalInfo> ProposeAndOpen(string dao, string proposer, params ProposalAction[] actions)
    {
        var info = await Grains.GetGrain<IDaoGrain>(dao).Propose(new ProposalDraft
        {
            Proposer = proposer, Class = ClassName, Title = "Fund the participation rewards", Description = "", Actions = [.. actions],
            Digest = SyntheticVoters.Digest(dao, -1),
        });
        Clock.Advance(info.Snapshot - Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        return await Until(info.Id, p => p.State == ProposalState.Active, "voting to open");
    }

    /// <summary>A ballot For, straight to its shard as the Gateway's router sends it, timestamped on the fake clock.</summary>
    public async Task Cast(ProposalInfo proposal, string voter, int voterIndex)
    {
        var receipt = await Grains.Shard(proposal.Id, voter, proposal.BallotShards).CastBallot(new BallotRequest
        {
            Voter = voter, Support = Support.For, Reason = "", Timestamp = Now,
            Digest = SyntheticVoters.Digest(proposal.Id, voterIndex), Signature = SyntheticVoters.Signature,
        });
        if (receipt.Duplicate) throw new InvalidOperationException($"{voter} on {proposal.Id} was a duplicate");
    }

    public async Task<ProposalInfo> Until(string proposal, Func<ProposalInfo, bool> done, string what)
    {
        var grain = Grains.GetGrain<IProposalGrain>(proposal);
        var until = DateTimeOffset.UtcNow.AddMinutes(5);
        ProposalInfo info;
        while (!done(info = await grain.GetInfo()))
        {
            if (DateTimeOffset.UtcNow > until) throw new TimeoutException($"{proposal} timed out waiting for {what}; it is {info.State}");
            await Task.Delay(10);
        }
        return info;
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
