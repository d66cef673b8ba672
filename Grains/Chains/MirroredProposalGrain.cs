using System.Collections.Immutable;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// An on-chain Governor proposal rebuilt from its logs. Logs inside the reorg window are kept one by one so a rollback
/// drops exactly those; older ones are folded into the final facts. Each log applies once, by (block, log index).
/// </summary>
public sealed class MirroredProposalGrain(
    [PersistentState(GovernanceStorage.MirroredProposalState, GovernanceStorage.Name)] IPersistentState<MirroredProposalState> state,
    IOptions<ChainsOptions> options, IGovernorReaderFactory readers, ILogger<MirroredProposalGrain> log)
    : Grain, IMirroredProposalGrain
{
    private long _chainId;
    private string _governor = "", _id = "";

    private MirroredProposalState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_chainId, _governor, _id) = MirrorKeys.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task Apply(ImmutableArray<GovernorEvent> events, long finalBefore)
    {
        var current = View();
        var fresh = events.Where(e => e.ProposalId == _id).OrderBy(e => e.Block).ThenBy(e => e.LogIndex)
            .Where(e => MirrorRules.IsNew(current, e)).ToList();
        var settled = S.Recent.Where(e => e.Block < finalBefore).ToList();
        if (fresh.Count == 0 && settled.Count == 0) return;
        S.Recent.AddRange(fresh);
        // Logs a reorg can no longer replace need not be kept one by one.
        S.Final = settled.Aggregate(S.Final, MirrorRules.Apply);
        S.Recent.RemoveAll(e => e.Block < finalBefore);
        await state.WriteStateAsync();
    }

    public async Task<long> Rollback(long fromBlock)
    {
        if (S.Recent.RemoveAll(e => e.Block >= fromBlock) > 0)
        {
            // The total supply at the snapshot may differ on the new branch.
            S.Quorum = null;
            await state.WriteStateAsync();
        }
        return View().LastBlock;
    }

    public async Task<MirroredProposalInfo?> GetInfo(long chainTime)
    {
        var facts = View();
        if (!facts.Exists) return null;
        var now = chainTime > 0 ? chainTime : facts.LastTimestamp;
        if (S.Quorum is null && now > facts.VoteStart && facts.CanceledBlock is null) await ReadQuorum(facts.VoteStart);
        var dao = options.Value.Find(_chainId)?.Governors
            .FirstOrDefault(g => string.Equals(g.Address, _governor, StringComparison.OrdinalIgnoreCase))?.Dao ?? "";
        return MirrorRules.Info(facts, _chainId, _governor, dao, _id, now, S.Quorum);
    }

    private MirroredProposalFacts View() => S.Recent.Aggregate(S.Final, MirrorRules.Apply);

    private async Task ReadQuorum(long snapshot)
    {
        if (options.Value.Find(_chainId) is not { } chain) return;
        try
        {
            S.Quorum = await readers.For(chain).Quorum(_governor, snapshot);
            await state.WriteStateAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The state says it is provisional; the next read tries again.
            log.LogInformation("Quorum of {Proposal} not readable yet: {Error}", this.GetPrimaryKeyString(), e.Message);
        }
    }
}
