using System.Collections.Immutable;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Verifier;

/// <summary>
/// Re-checks a closed proposal from what the Gateway published, with nothing but the cluster's pure rules: each ballot's
/// digest and signature, its weight against the power at the snapshot, the recount, the shard roots, the ballot-set hash
/// and the anchored copy. No I/O: <see cref="GatewayClient"/> downloads, this judges.
/// </summary>
public static partial class Audit
{
    public const string Ballots = "ballots";
    public const string Digests = "EIP-712 digests";
    public const string Signatures = "signatures";
    public const string Weights = "weights";
    public const string Recount = "tally";
    public const string ShardRoots = "shard roots";
    public const string SetHash = "ballot-set hash";
    public const string Anchor = "anchor";

    public static AuditReport Check(ProposalEvidence evidence, ISignatureRecovery recovery)
    {
        var id = evidence.Proposal.Id;
        var ballots = evidence.Ballots;
        var recomputedHash = RecomputedHash(evidence, out var shardRoots);
        return new AuditReport(id,
        [
            OnePerVoter(ballots),
            DigestsMatch(evidence),
            SignaturesMatch(evidence, recovery),
            WeightsMatch(evidence),
            RecountMatches(evidence),
            ShardRootsMatch(evidence, shardRoots),
            SetHashMatches(evidence, recomputedHash),
            AnchorMatches(evidence, recomputedHash),
        ]);
    }

    private static Finding OnePerVoter(ImmutableArray<Ballot> ballots)
    {
        var offenders = ballots.GroupBy(b => b.Voter, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {g.Count()} ballots").Concat(ballots.Where(b => !Addresses.IsCanonical(b.Voter))
                .Select(b => $"'{b.Voter}' is not a canonical address"))
            .ToList();
        return offenders.Count == 0
            ? Finding.Pass(Ballots, $"{ballots.Length} ballots, one per voter")
            : Finding.Fail(Ballots, $"{offenders.Count} voters break one-ballot-per-voter", offenders);
    }

    private static Finding DigestsMatch(ProposalEvidence e)
    {
        var offenders = new List<string>();
        foreach (var ballot in e.Ballots)
        {
            try
            {
                var digest = Hex.ToHex(BallotDigest.Compute(e.Eip712, ballot, e.Proposal.Id));
                if (!string.Equals(digest, ballot.Digest, StringComparison.OrdinalIgnoreCase))
                    offenders.Add($"{ballot.Voter}: its {BallotDigest.TypeOf(ballot)} fields hash to {digest}, stored {ballot.Digest}");
            }
            catch (TypedDataException ex)
            {
                offenders.Add($"{ballot.Voter}: cannot hash its {BallotDigest.TypeOf(ballot)}: {ex.Message}");
            }
        }
        return Finding.Of(Digests, e.Ballots.Length, offenders,
            "ballots re-hash (EIP-712, from their stored fields) to their stored digest", "ballots do not re-hash to their stored digest");
    }

    private static Finding SignaturesMatch(ProposalEvidence e, ISignatureRecovery recovery)
    {
        var offenders = new List<string>();
        foreach (var ballot in e.Ballots)
        {
            string? problem;
            try
            {
                // The recomputed digest, not the stored one: a signature over a digest that fits no stored field proves nothing.
                var digest = BallotDigest.Compute(e.Eip712, ballot, e.Proposal.Id);
                var signer = EthAddress.ToLower(recovery.RecoverAddress(digest, Hex.Parse(ballot.Signature)));
                problem = signer == ballot.Voter ? null : $"recovers {signer}";
            }
            catch (Exception ex) when (ex is TypedDataException or SignatureException or FormatException or ArgumentException)
            {
                problem = ex.Message;
            }
            if (problem is not null) offenders.Add($"{ballot.Voter}: {problem}");
        }
        return Finding.Of(Signatures, e.Ballots.Length, offenders,
            "signatures recover their voter", "signatures do not recover their voter");
    }

    private static Finding WeightsMatch(ProposalEvidence e)
    {
        var cls = e.Proposal.Class;
        var quadratic = cls.QuadraticPower;
        var offenders = new List<string>();
        foreach (var ballot in e.Ballots)
        {
            if (!e.Powers.TryGetValue(ballot.Voter, out var read))
            {
                offenders.Add($"{ballot.Voter}: no power reading");
                continue;
            }
            // Quadratic counting takes its square roots inside the count; quadratic power weighs each ballot √power.
            var weight = BallotRules.WeightOf(cls, read.Power) + read.OverrideBalance;
            var raw = read.Power + read.OverrideBalance;
            if (ballot.Weight != weight || ballot.RawPower != raw)
                offenders.Add($"{ballot.Voter}: weight {ballot.Weight} (power {ballot.RawPower}); power at the snapshot {read.Power}" +
                              $" gives weight {weight}");
            if (ballot.OverrideOf != read.OverrideOf || ballot.OverrideBalance != read.OverrideBalance)
                offenders.Add($"{ballot.Voter}: overrides {ballot.OverrideOf ?? "nobody"} with {ballot.OverrideBalance}; at the snapshot "
                              + $"it had delegated {read.OverrideBalance} to {read.OverrideOf ?? "nobody else"}");
        }
        var rule = quadratic ? "√(power at the snapshot), rounded down" : "the power at the snapshot";
        return Finding.Of(Weights, e.Ballots.Length, offenders, $"ballots weigh {rule}", $"ballots do not weigh {rule}");
    }

    /// <summary>Every shard's root from the downloaded ballots, and keccak256 of them in shard order.</summary>
    private static string RecomputedHash(ProposalEvidence e, out ImmutableArray<string> roots)
    {
        var shards = Math.Max(1, e.Proposal.BallotShards);
        var byShard = e.Ballots.GroupBy(b => BallotShards.Of(b.Voter, shards)).ToDictionary(g => g.Key, g => g.ToList());
        roots =
        [
            .. Enumerable.Range(0, shards).Select(s => byShard.TryGetValue(s, out var list) ? SafeRoot(list) : BallotSetHash.EmptyRoot),
        ];
        return BallotSetHash.Combine(roots);
    }

    private static string SafeRoot(List<Ballot> ballots) =>
        ballots.Select(b => b.Voter).Distinct(StringComparer.Ordinal).Count() == ballots.Count
            ? BallotTree.Build(ballots).Root
            : BallotSetHash.Compute(ballots); // duplicates are reported by the ballots check; hash what was served

    private static Finding ShardRootsMatch(ProposalEvidence e, ImmutableArray<string> roots)
    {
        if (e.ServedShardRoots.IsDefaultOrEmpty)
            return Finding.Skip(ShardRoots, "no ballot to ask a proof for: no shard roots served");
        if (e.ServedShardRoots.Length != roots.Length)
            return Finding.Fail(ShardRoots,
                $"the Gateway serves {e.ServedShardRoots.Length} shard roots; the proposal has {roots.Length} shards");
        var offenders = Enumerable.Range(0, roots.Length)
            .Where(s => !string.Equals(roots[s], e.ServedShardRoots[s], StringComparison.OrdinalIgnoreCase))
            .Select(s => $"shard {s}: recomputed {roots[s]}, served {e.ServedShardRoots[s]}").ToList();
        return Finding.Of(ShardRoots, roots.Length, offenders, "shard roots recomputed from the ballots equal the served ones",
            "shard roots differ from the served ones");
    }

    private static Finding SetHashMatches(ProposalEvidence e, string recomputed) =>
        string.Equals(recomputed, e.Proposal.BallotSetHash, StringComparison.OrdinalIgnoreCase)
            ? Finding.Pass(SetHash, $"{recomputed} recomputed from the ballots equals the published hash")
            : Finding.Fail(SetHash, $"recomputed {recomputed}; published {e.Proposal.BallotSetHash}");

    private static Finding AnchorMatches(ProposalEvidence e, string recomputed)
    {
        if (e.Anchor?.Record is not { } record)
            return Finding.Skip(Anchor, "no anchor record (no anchor chain configured, or the proposal is not final yet)");
        var offenders = new List<string>();
        if (!string.Equals(record.Hash, recomputed, StringComparison.OrdinalIgnoreCase))
            offenders.Add($"the record's hash {record.Hash} is not the recomputed {recomputed}");
        if (!e.Proposal.Class.CountsChoices && Counting.Recompute(e.Ballots) is var t
            && (t.For, t.Against, t.Abstain) != (record.For, record.Against, record.Abstain))
            offenders.Add($"the record's tally {record.For}/{record.Against}/{record.Abstain} is not the recount " +
                          $"{t.For}/{t.Against}/{t.Abstain}");
        if (record.State is { } state && state != e.Proposal.State)
            offenders.Add($"the record says {state}, the proposal is {e.Proposal.State}");
        if (!e.Anchor.OnChain)
            offenders.Add($"the record is not on chain {record.Chain} (yet): {record.LastError ?? "not sent"}");
        else if (!string.Equals(e.Anchor.OnChainHash, recomputed, StringComparison.OrdinalIgnoreCase))
            offenders.Add($"the anchor contract holds {e.Anchor.OnChainHash}, not the recomputed {recomputed}");
        return offenders.Count == 0
            ? Finding.Pass(Anchor, $"chain {record.Chain} holds the recomputed hash, tally and state")
            : Finding.Fail(Anchor, "the anchored result differs from the recomputed one", offenders);
    }
}
