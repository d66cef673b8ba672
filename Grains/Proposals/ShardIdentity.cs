using System.Globalization;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Proposals;

/// <summary>A shard's key, <c>{proposal}/{index}</c>, with what is read off it.</summary>
internal sealed class ShardIdentity(string key, IGrainFactory grains)
{
    public string Key { get; } = key;
    public string ProposalId { get; } = key[..key.LastIndexOf('/')];
    public int Index { get; } = int.Parse(key.AsSpan(key.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);
    public string Dao => _dao ??= Names.DaoOfProposal(ProposalId);
    public IProposalGrain Proposal => _proposal ??= grains.GetGrain<IProposalGrain>(ProposalId);

    private string? _dao;
    private IProposalGrain? _proposal;
}
