using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>Data of the server-sent <c>state</c> event: where the proposal is in its lifecycle and when it moves next.</summary>
public sealed record ProposalStateEvent(
    string Id, ProposalState State, DateTimeOffset Deadline, DateTimeOffset? Eta, DateTimeOffset? ExecutedAt)
{
    public static ProposalStateEvent From(ProposalInfo info) => new(info.Id, info.State, info.Deadline, info.Eta, info.ExecutedAt);
}
