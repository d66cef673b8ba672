using System.Collections.Immutable;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Options;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// A mirrored Governor: routes each batch of its logs to the proposals they name and keeps the proposal index, with
/// the last block that touched each proposal so a rollback reaches exactly the proposals it changes.
/// </summary>
public sealed class MirroredGovernorGrain(
    [PersistentState(GovernanceStorage.MirroredGovernorState, GovernanceStorage.Name)] IPersistentState<MirroredGovernorState> state,
    IOptions<ChainsOptions> options)
    : Grain, IMirroredGovernorGrain
{
    private const int MaxPage = 200;

    private long _chainId;
    private string _address = "", _dao = "";

    private MirroredGovernorState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_chainId, _address, _) = MirrorKeys.Parse(this.GetPrimaryKeyString());
        _dao = options.Value.Find(_chainId)?.Governors
            .FirstOrDefault(g => string.Equals(g.Address, _address, StringComparison.OrdinalIgnoreCase))?.Dao ?? "";
        return Task.CompletedTask;
    }

    public async Task Apply(ImmutableArray<GovernorEvent> events, GovernorSync sync)
    {
        // The chain time moves on with every batch; it is written with the next change, as a stale one only delays a state change.
        S.SyncedBlock = sync.Block;
        S.SyncedTimestamp = sync.Timestamp;
        if (events.IsDefaultOrEmpty) return;
        var byProposal = events.GroupBy(e => e.ProposalId).ToList();
        await Task.WhenAll(byProposal.Select(g => Proposal(g.Key).Apply([.. g], sync.FinalBefore)));
        foreach (var group in byProposal)
        {
            var last = group.Max(e => e.Block);
            var created = group.FirstOrDefault(e => e.Kind == GovernorEventKind.Created);
            var index = S.Proposals.FindIndex(p => p.ProposalId == group.Key);
            if (index < 0)
            {
                S.Proposals.Add(new GovernorIndexEntry(group.Key, created?.Block ?? -1, created?.LogIndex ?? -1, last));
                continue;
            }
            var entry = S.Proposals[index];
            S.Proposals[index] = entry with
            {
                CreatedBlock = created?.Block ?? entry.CreatedBlock,
                CreatedLogIndex = created?.LogIndex ?? entry.CreatedLogIndex,
                LastBlock = Math.Max(entry.LastBlock, last),
            };
        }
        await state.WriteStateAsync();
    }

    public async Task Rollback(long fromBlock, long chainTime)
    {
        var touched = S.Proposals.Where(p => p.LastBlock >= fromBlock).ToList();
        var remaining = await Task.WhenAll(touched.Select(p => Proposal(p.ProposalId).Rollback(fromBlock)));
        foreach (var (entry, last) in touched.Zip(remaining))
        {
            var index = S.Proposals.IndexOf(entry);
            if (last < 0) S.Proposals.RemoveAt(index);
            else S.Proposals[index] = entry with
            {
                LastBlock = last,
                CreatedBlock = entry.CreatedBlock >= fromBlock ? -1 : entry.CreatedBlock,
                CreatedLogIndex = entry.CreatedBlock >= fromBlock ? -1 : entry.CreatedLogIndex,
            };
        }
        S.SyncedBlock = Math.Min(S.SyncedBlock, fromBlock - 1);
        S.SyncedTimestamp = chainTime;
        await state.WriteStateAsync();
    }

    public Task<MirroredGovernorInfo> GetInfo() => Task.FromResult(new MirroredGovernorInfo
    {
        ChainId = _chainId, Address = _address, Dao = _dao, Proposals = Created().Count(),
        SyncedBlock = S.SyncedBlock, SyncedTimestamp = S.SyncedTimestamp,
    });

    public async Task<MirroredProposalPage> ListProposals(ProposalState? filter, int offset, int limit)
    {
        Refuse.Unless(offset >= 0 && limit is >= 1 and <= MaxPage, GovernanceError.InvalidArgument,
            $"offset must be ≥ 0 and limit 1..{MaxPage}");
        var newestFirst = Created().OrderByDescending(p => p.CreatedBlock).ThenByDescending(p => p.CreatedLogIndex).ToList();
        if (filter is null)
        {
            var page = await Infos(newestFirst.Skip(offset).Take(limit));
            return new MirroredProposalPage { Items = page, Offset = offset, Limit = limit, Total = newestFirst.Count };
        }
        // States depend on the chain's time, so filtering reads every proposal; a Governor has few.
        var matching = (await Infos(newestFirst)).Where(p => p.State == filter).ToList();
        return new MirroredProposalPage
        {
            Items = [.. matching.Skip(offset).Take(limit)],
            Offset = offset,
            Limit = limit,
            Total = matching.Count,
        };
    }

    public async Task<MirroredProposalInfo> GetProposal(string proposalId) =>
        (S.Proposals.Any(p => p.ProposalId == proposalId) ? await Proposal(proposalId).GetInfo(S.SyncedTimestamp) : null)
        ?? throw new GovernanceException(GovernanceError.ProposalNotFound,
            $"governor {_address} on chain {_chainId} has no mirrored proposal {proposalId}");

    private IEnumerable<GovernorIndexEntry> Created() => S.Proposals.Where(p => p.CreatedBlock >= 0);

    private async Task<ImmutableArray<MirroredProposalInfo>> Infos(IEnumerable<GovernorIndexEntry> entries)
    {
        var infos = await Task.WhenAll(entries.Select(p => Proposal(p.ProposalId).GetInfo(S.SyncedTimestamp)));
        return [.. infos.OfType<MirroredProposalInfo>()];
    }

    private IMirroredProposalGrain Proposal(string proposalId) =>
        GrainFactory.GetGrain<IMirroredProposalGrain>(MirrorKeys.Proposal(_chainId, _address, proposalId));
}
