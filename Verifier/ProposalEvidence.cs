using System.Collections.Immutable;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Verifier;

/// <summary>Everything the Gateway says about a closed proposal, as downloaded: what <see cref="Audit"/> re-checks.</summary>
public sealed record ProposalEvidence
{
    public required ProposalInfo Proposal { get; init; }

    /// <summary>The <c>GET /eip712</c> answer: <c>{ domain, types }</c> as ethers' <c>signTypedData</c> takes them.</summary>
    public required JsonElement Eip712 { get; init; }

    /// <summary>Every ballot, one per voter, as the ballot log keeps it.</summary>
    public required ImmutableArray<Ballot> Ballots { get; init; }

    /// <summary>Each voter's power at the snapshot, as the Gateway reads it from the class's power source.</summary>
    public required ImmutableDictionary<string, VoterPower> Powers { get; init; }

    /// <summary>The tally the Gateway publishes (<c>GET /proposals/{id}/tally</c>).</summary>
    public required Tally Tally { get; init; }

    /// <summary>The shard roots the Gateway serves with its proofs, in shard order; empty when there are no ballots to prove.</summary>
    public ImmutableArray<string> ServedShardRoots { get; init; } = [];

    /// <summary>The anchor check (<c>GET /proposals/{id}/anchor</c>); its record is null with no anchor chain configured.</summary>
    public AnchorCheck? Anchor { get; init; }
}
