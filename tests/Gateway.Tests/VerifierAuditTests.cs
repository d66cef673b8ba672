using System.Collections.Immutable;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Verifier;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The verifier's judgement on evidence built here with really signed ballots (basic and choice ballots, every counting
/// type): honest evidence verifies, and each kind of lie fails exactly the check that can see it.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class VerifierAuditTests
{
    private const string Proposal = "audit/7";
    private const int Shards = 4;
    private static readonly ISignatureRecovery Recovery = SignatureRecovery.CreateFastest();
    private static readonly TestKey[] Keys = TestKey.Many("audit", 7);

    /// <summary>The domain and types exactly as <c>GET /eip712</c> serves them.</summary>
    private static readonly JsonElement Eip712 =
        JsonSerializer.SerializeToElement(SigningInfo.From(new SigningSchema(GatewayFixture.ChainId)), GovernanceJson.CreateOptions());

    private static Ballot Signed(
        TestKey key, BigInteger power, ProposalClass cls, ushort[] choices, ulong[] weights, Support support = default)
    {
        var (type, message) = choices.Length == 0
            ? ("Ballot", Messages.Ballot(key, Proposal, (int)support, 1_767_225_600, "r"))
            : ("ChoiceBallot", new JsonObject
            {
                ["voter"] = key.Checksummed, ["proposal"] = Proposal,
                ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)c)]),
                ["weights"] = new JsonArray([.. weights.Select(w => (JsonNode)w)]),
                ["reason"] = "r", ["timestamp"] = 1_767_225_600,
            });
        var signed = TypedDataSigner.Sign(key, type, message);
        return new Ballot
        {
            Voter = key.Address, Support = support, Reason = "r", Timestamp = 1_767_225_600,
            Digest = signed.Digest, Signature = signed.Signature,
            // As the shard weighs them: √power only with quadratic power (quadratic counting roots inside the count).
            Weight = BallotRules.WeightOf(cls, power), Power = cls.QuadraticPower ? power : BigInteger.Zero,
            Choices = [.. choices], Weights = [.. weights],
        };
    }

    /// <summary>Evidence as an honest cluster publishes it for these ballots: tallies, hashes and power readings from them.</summary>
    private static ProposalEvidence Honest(
        ProposalClass cls, int choices, IReadOnlyList<Ballot> ballots, IReadOnlyDictionary<string, BigInteger>? powers = null)
    {
        Tally tally;
        if (cls.CountsChoices)
        {
            var scores = ChoiceCounting.Count(cls.Counting, choices,
                [.. ballots.Select(b => new ChoiceVote(b.RawPower, [.. b.Choices.Select(c => c - 1)],
                    b.Weights.IsEmpty ? null : [.. b.Weights]))]);
            tally = new Tally
            {
                Voters = ballots.Count,
                Outcome = new ChoiceOutcome
                {
                    Scores = [.. Enumerable.Range(0, choices).Select(scores.Format)], TotalPower = scores.TotalPower.ToString(),
                    Winner = scores.Winner + 1, Final = true,
                },
            };
        }
        else tally = Counting.Recompute(ballots);
        var roots = Enumerable.Range(0, Shards)
            .Select(s => BallotSetHash.Compute(ballots.Where(b => BallotShards.Of(b.Voter, Shards) == s))).ToImmutableArray();
        return new ProposalEvidence
        {
            Proposal = new ProposalInfo
            {
                Id = Proposal, Class = cls, State = ProposalState.Succeeded, BallotShards = Shards, Tally = tally,
                BallotSetHash = BallotSetHash.Combine(roots),
                Choices = [.. Enumerable.Range(1, choices).Select(i => new ProposalChoice { Label = $"choice {i}" })],
            },
            Eip712 = Eip712,
            Ballots = [.. ballots],
            Powers = ballots.ToImmutableDictionary(b => b.Voter,
                b => new VoterPower { Voter = b.Voter, Power = powers?.GetValueOrDefault(b.Voter) ?? b.RawPower }),
            Tally = tally,
            ServedShardRoots = roots,
        };
    }

    private static ProposalClass Class(CountingType counting, bool quadraticPower = false) =>
        new() { Name = "c", Counting = counting, QuadraticPower = quadraticPower, PowerSource = PowerSource.TokenVotes("btk") };

    private static List<Ballot> ChoiceBallots(ProposalClass cls) => cls.Counting switch
    {
        CountingType.SingleChoice => [.. Keys.Select((k, i) => Signed(k, 100 + i * 37, cls, [(ushort)(1 + i % 3)], []))],
        CountingType.Approval => [.. Keys.Select((k, i) => Signed(k, 100 + i * 37, cls, [1, (ushort)(2 + i % 2)], []))],
        CountingType.RankedChoice => [.. Keys.Select((k, i) => Signed(k, 100 + i * 37, cls, i % 2 == 0 ? [1, 2, 3] : [3, 1, 2], []))],
        _ => [.. Keys.Select((k, i) => Signed(k, BigInteger.Pow(10, 18) * (i + 1), cls, [1, 3], [(ulong)(i + 1), 2]))],
    };

    private static AuditReport Audit(ProposalEvidence e) => Verifier.Audit.Check(e, Recovery);

    private static void OnlyFailed(AuditReport report, params string[] checks)
    {
        var failed = report.Findings.Where(f => f.Status == FindingStatus.Failed).Select(f => f.Check).Order().ToList();
        Assert.True(checks.Order().SequenceEqual(failed), $"failed: {string.Join(", ", failed)}; expected: {string.Join(", ", checks)}");
    }

    [Theory]
    [InlineData(CountingType.SingleChoice)]
    [InlineData(CountingType.Approval)]
    [InlineData(CountingType.Weighted)]
    [InlineData(CountingType.Quadratic)]
    [InlineData(CountingType.RankedChoice)]
    public void Honest_choice_ballots_verify_under_every_counting_type(CountingType counting)
    {
        var cls = Class(counting);
        var report = Audit(Honest(cls, 3, ChoiceBallots(cls)));
        Assert.True(report.Verified, string.Join("\n", report.Findings));
        Assert.Equal(FindingStatus.Passed, report[Verifier.Audit.Recount].Status);
        Assert.Contains($"{counting} over 3 choices", report[Verifier.Audit.Recount].Summary);
        Assert.Equal(FindingStatus.Skipped, report[Verifier.Audit.Anchor].Status);
    }

    [Fact]
    public void A_quadratic_basic_class_weighs_the_integer_square_root()
    {
        var cls = Class(CountingType.Basic, quadraticPower: true);
        var ballots = Keys.Select((k, i) => Signed(k, 1000 + i * 999, cls, [], [], (Support)(i % 3))).ToList();
        var report = Audit(Honest(cls, 0, ballots));
        Assert.True(report.Verified, string.Join("\n", report.Findings));
        Assert.Contains("√(power at the snapshot)", report[Verifier.Audit.Weights].Summary);
    }

    [Fact]
    public void Choices_changed_in_storage_fail_the_digest_signature_recount_and_hash()
    {
        var cls = Class(CountingType.Approval);
        var honest = Honest(cls, 3, ChoiceBallots(cls));
        var forged = honest.Ballots.SetItem(2, honest.Ballots[2] with { Choices = [3] });
        var report = Audit(honest with { Ballots = forged });
        OnlyFailed(report, Verifier.Audit.Digests, Verifier.Audit.Signatures, Verifier.Audit.Recount, Verifier.Audit.SetHash,
            Verifier.Audit.ShardRoots);
        Assert.Contains(report[Verifier.Audit.Digests].Details,
            d => d.StartsWith(Keys[2].Address + ": its ChoiceBallot fields", StringComparison.Ordinal));
    }

    [Fact]
    public void A_weight_the_cluster_inflated_consistently_is_caught_only_by_the_power_at_the_snapshot()
    {
        var cls = Class(CountingType.Basic);
        var ballots = Keys.Select((k, i) => Signed(k, 50 + i, cls, [], [], Support.For)).ToList();
        var powers = ballots.ToDictionary(b => b.Voter, b => b.Weight);
        ballots[4] = ballots[4] with { Weight = ballots[4].Weight * 10 };
        // Tally, roots and hash all agree with the inflated ballot: only a fresh power reading shows the lie.
        var report = Audit(Honest(cls, 0, ballots, powers));
        OnlyFailed(report, Verifier.Audit.Weights);
        Assert.Contains(report[Verifier.Audit.Weights].Details,
            d => d.StartsWith(Keys[4].Address + ": weight 540", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ballot_signed_by_another_key_fails_only_the_signatures()
    {
        var cls = Class(CountingType.Basic);
        var ballots = Keys.Select((k, i) => Signed(k, 50 + i, cls, [], [], Support.Against)).ToList();
        var mallory = TypedDataSigner.Sign(TestKey.Mallory, "Ballot", Messages.Ballot(Keys[1], Proposal, 0, 1_767_225_600, "r"));
        ballots[1] = ballots[1] with { Signature = mallory.Signature };
        var report = Audit(Honest(cls, 0, ballots));
        OnlyFailed(report, Verifier.Audit.Signatures);
        Assert.Equal($"{Keys[1].Address}: recovers {TestKey.Mallory.Address}", Assert.Single(report[Verifier.Audit.Signatures].Details));
    }

    [Fact]
    public void A_served_shard_root_that_is_not_the_ballots_fails_the_shard_roots()
    {
        var cls = Class(CountingType.Basic);
        var honest = Honest(cls, 0, Keys.Select(k => Signed(k, 9, cls, [], [], Support.For)).ToList());
        var served = honest.ServedShardRoots.SetItem(1, BallotSetHash.EmptyRoot);
        OnlyFailed(Audit(honest with { ServedShardRoots = served }), Verifier.Audit.ShardRoots);
    }

    [Fact]
    public void Two_ballots_of_one_voter_fail_the_ballot_check()
    {
        var cls = Class(CountingType.Basic);
        var ballots = Keys.Select(k => Signed(k, 9, cls, [], [], Support.For)).ToList();
        var honest = Honest(cls, 0, ballots);
        var report = Audit(honest with { Ballots = honest.Ballots.Add(ballots[0]) });
        Assert.Equal(FindingStatus.Failed, report[Verifier.Audit.Ballots].Status);
        Assert.False(report.Verified);
    }

    [Fact]
    public void The_anchored_copy_must_hold_the_recomputed_hash_tally_and_state()
    {
        var cls = Class(CountingType.Basic);
        var honest = Honest(cls, 0, Keys.Select((k, i) => Signed(k, 10 + i, cls, [], [], (Support)(i % 3))).ToList());
        var t = honest.Tally;
        var record = new AnchorRecord
        {
            Key = AnchorRecord.ResultKey(Proposal), Subject = Proposal, State = ProposalState.Succeeded, For = t.For, Against = t.Against,
            Abstain = t.Abstain, Hash = honest.Proposal.BallotSetHash!, Chain = 412346, Published = true,
        };
        var anchored = new AnchorCheck { Record = record, OnChain = true, OnChainHash = record.Hash, Matches = true };
        Assert.Equal(FindingStatus.Passed, Audit(honest with { Anchor = anchored })[Verifier.Audit.Anchor].Status);

        OnlyFailed(Audit(honest with { Anchor = anchored with { OnChainHash = BallotSetHash.EmptyRoot } }), Verifier.Audit.Anchor);
        OnlyFailed(Audit(honest with { Anchor = anchored with { Record = record with { For = t.For + 1 } } }), Verifier.Audit.Anchor);
        OnlyFailed(Audit(honest with { Anchor = anchored with { OnChain = false, OnChainHash = null } }), Verifier.Audit.Anchor);
    }
}
