using System.Text.Json;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// What live-tally connections send of one proposal, serialized once per change for all of them: the <c>state</c> and
/// <c>tally</c> events' data. A connection sends an event only when its data differs from what it sent last.
/// </summary>
public sealed record LiveUpdate(string StateJson, string TallyJson)
{
    public static LiveUpdate From(ProposalInfo info, JsonSerializerOptions options) =>
        new(JsonSerializer.Serialize(ProposalStateEvent.From(info), options), JsonSerializer.Serialize(info.Tally, options));
}
