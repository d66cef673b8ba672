using System.Collections.Immutable;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Voters;

namespace Blocktrack.Grains.Proposals;

/// <summary>The proposal's side of the ballots: terms for its shards, their merged tally, sealing at the deadline.</summary>
public sealed partial class ProposalGrain
{
    private readonly Dictionary<int, (long Version, Tally Tally)> _reported = [];
    private Task? _quorumBase;
    private Task? _sealing;

    private int Shards => Math.Clamp(Setup.BallotShards, 1, BallotShards.Max);

    private IBallotShardGrain ShardGrain(int shard) => GrainFactory.GetGrain<IBallotShardGrain>(BallotShards.Key(Id, shard));

    public Task<BallotReceipt> CastBallot(BallotRequest ballot) =>
        GrainFactory.Shard(Id, ballot.Voter ?? "", Shards).CastBallot(ballot);

    public Task<VotingTerms> GetVotingTerms() => Task.FromResult(new VotingTerms
    {
        Proposal = Id,
        Snapshot = S.Snapshot,
        Deadline = S.Deadline,
        Class = Class,
        Shards = Shards,
        Open = S.CanceledBy is null && S.VetoedBy is null,
        SnapshotFinal = S.SnapshotFinal,
        ChoiceCount = ChoiceCount,
    });

    private int ChoiceCount => Setup.Draft.Choices.IsDefault ? 0 : Setup.Draft.Choices.Length;

    /// <summary>Chains whose mirrored tokens count in this proposal's power source.</summary>
    private IReadOnlyList<long> SnapshotChains() =>
    [
        .. Class.PowerSource.Parts().Where(p => p.Kind is PowerSourceKind.TokenVotes or PowerSourceKind.VoteEscrow)
            .SelectMany(p => p.AllTokens()).Select(Names.ChainOf).OfType<long>().Distinct(),
    ];

    /// <summary>
    /// Cross-chain snapshots: power at the snapshot is final only once every mirrored chain's watcher has passed
    /// the snapshot timestamp at its confirmation depth; until then the proposal stays pending.
    /// </summary>
    private async Task CheckSnapshotChains()
    {
        var snapshot = S.Snapshot.ToUnixTimeSeconds();
        var watchers = SnapshotChains().Select(c => GrainFactory.GetGrain<IChainWatcherGrain>(c));
        var statuses = await Task.WhenAll(watchers.Select(w => w.GetStatus()));
        // Strictly past it: on chains whose blocks may share a timestamp, more blocks at the snapshot second may follow.
        if (statuses.All(s => s.CursorTimestamp > snapshot))
        {
            S.SnapshotFinal = true;
            await _writer.Save();
        }
    }

    public async Task<Tally> GetTally() => S.FinalTally ?? await LiveTally();

    public async Task<ImmutableArray<Ballot>> GetBallots(int offset, int limit)
    {
        _ = Setup;
        Paging.RequireBallotPage(offset, limit);
        var pages = await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => ShardGrain(s).GetBallots(offset + limit)));
        return [.. pages.SelectMany(p => p).OrderBy(b => b.Voter, StringComparer.Ordinal).Skip(offset).Take(limit)];
    }

    public async Task ReportTally(int shard, long version, Tally tally)
    {
        if (S.Setup is null || S.Sealed) return;
        if (_reported.TryGetValue(shard, out var seen) && seen.Version >= version) return;
        _reported[shard] = (version, tally);
        Changed();
        var watchLateQuorum = S.QuorumReachedAt is null && Class.LateQuorumExtension > TimeSpan.Zero;
        var watchSuperQuorum = S.SuperQuorumReachedAt is null && Class.SuperQuorumBps > 0;
        var watchQuorum = S.QuorumSeenAt is null;
        if (!watchLateQuorum && !watchSuperQuorum && !watchQuorum) return;
        await EnsureQuorumBase();
        if (S.Sealed) return;
        var sum = Counting.Sum(_reported.Values.Select(r => r.Tally));
        var now = ProposalLifecycle.Truncate(Now);
        var moved = false;
        if (S.QuorumSeenAt is null && Outcome.QuorumReached(Facts(), sum))
        {
            // Analytics' time to quorum; saved below, or with the next save when nothing else moved.
            S.QuorumSeenAt = now;
            if (!watchLateQuorum && !watchSuperQuorum)
            {
                await _writer.Save();
                return;
            }
        }
        if (watchSuperQuorum && S.SuperQuorumReachedAt is null && now < S.Deadline && Outcome.SuperQuorumReached(Facts(), sum))
        {
            // GovernorSuperQuorum: For has reached the super-quorum and the vote is succeeding: voting closes this second.
            S.SuperQuorumReachedAt = now;
            S.Deadline = now;
            moved = true;
        }
        else if (watchLateQuorum && S.QuorumReachedAt is null && Outcome.QuorumReached(Facts(), sum))
        {
            // GovernorPreventLateQuorum: the first time quorum is reached, the deadline may move out.
            S.QuorumReachedAt = now;
            var deadline = ProposalLifecycle.ExtendForLateQuorum(S.Deadline, now, Class.LateQuorumExtension);
            if (deadline != S.Deadline)
            {
                S.Deadline = deadline;
                S.DeadlineExtended = true;
            }
            moved = true;
        }
        if (moved) await Advance();
    }

    private async Task<Tally> LiveTally()
    {
        _ = Setup;
        if (ProposalLifecycle.Truncate(Now) <= S.Snapshot) return Tally.Empty;
        var tally = Counting.Sum(await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => ShardGrain(s).GetTally())));
        if (Class.DelegatorOverride)
        {
            var overrides = await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => ShardGrain(s).GetOverrides()));
            tally = await WithOverrides(tally, overrides.SelectMany(o => o));
        }
        return Class.CountsChoices ? tally with { Outcome = ChoiceOutcomes.Live(Class.Counting, ChoiceCount, tally) } : tally;
    }

    /// <summary>Seals every shard once voting is over and records the final tally and the ballot-set hash.</summary>
    private Task SealShards()
    {
        return _sealing is { IsCompleted: false } ? _sealing : _sealing = Seal();

        async Task Seal()
        {
            var results = await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => ShardGrain(s).Seal()));
            var tally = Counting.Sum(results.Select(r => r.Tally));
            if (Class.DelegatorOverride)
                tally = await WithOverrides(tally, results.SelectMany(r => r.Overrides.IsDefault ? [] : r.Overrides));
            if (Class.CountsChoices)
            {
                var rankings = results.SelectMany(r => r.Rankings.IsDefault ? [] : r.Rankings);
                tally = tally with { Outcome = ChoiceOutcomes.Final(Class.Counting, ChoiceCount, tally, rankings) };
            }
            S.FinalTally = tally;
            S.BallotSetHash = BallotSetHash.Combine(results.Select(r => r.Root));
            S.Sealed = true;
            await _writer.Save();
        }
    }

    /// <summary>
    /// Hands the sealed count to the DAO's participation ledger before the new state is saved, so a failure retries at the
    /// next wake-up (a final state keeps its reminder until then).
    /// </summary>
    private async Task ReportClosed()
    {
        var facts = Facts();
        await GrainFactory.GetGrain<IParticipationGrain>(Setup.Dao).ProposalClosed(new ClosedProposal
        {
            Proposal = Id, Proposer = Setup.Draft.Proposer, ClosedAt = S.Deadline.ToUnixTimeSeconds(),
            QuorumReached = Outcome.QuorumReached(facts, facts.Tally), Passed = Outcome.Passed(facts), Shards = Shards,
            Ballots = facts.Tally.Voters,
        });
        S.ParticipationReported = true;
    }

    /// <summary>Takes each delegator's override out of its delegate's ballot, asking only the delegates' shards.</summary>
    private async Task<Tally> WithOverrides(Tally sum, IEnumerable<BallotOverride> overrides)
    {
        var list = overrides.ToList();
        if (list.Count == 0) return sum;
        var byShard = list.Select(o => o.Delegate).Distinct().GroupBy(d => BallotShards.Of(d, Shards));
        var ballots = await Task.WhenAll(byShard.Select(g => ShardGrain(g.Key).GetBallotsOf([.. g])));
        return OverrideRules.Adjust(sum, list, ballots.SelectMany(b => b).ToDictionary(b => b.Voter, StringComparer.Ordinal));
    }

    /// <summary>Reads the votable power at the snapshot once voting has opened, and derives the quorum from it.</summary>
    private Task EnsureQuorumBase()
    {
        if (S.QuorumRequired is not null) return Task.CompletedTask;
        return _quorumBase is { IsCompleted: false } ? _quorumBase : _quorumBase = Load();

        async Task Load()
        {
            var votable = await PowerReader.VotableAt(GrainFactory, Class.PowerSource, Setup.Dao, S.Snapshot.ToUnixTimeSeconds());
            S.VotableSupply = votable;
            S.QuorumRequired = Counting.QuorumRequired(votable, Class.QuorumBps);
            await _writer.Save();
        }
    }
}
