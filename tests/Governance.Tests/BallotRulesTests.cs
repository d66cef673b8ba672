using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

/// <summary>A shard counts well-formed ballots of its own voters; a change needs the class's leave and a newer timestamp.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class BallotRulesTests
{
    private static readonly string Digest = "0x" + new string('a', 64);

    private static BallotRequest Request(long timestamp = 100, string? digest = null) => new()
    {
        Voter = Address(7),
        Support = Support.For,
        Reason = "",
        Timestamp = timestamp,
        Digest = digest ?? Digest,
        Signature = "0x",
    };

    private static CompactBallot Counted(long timestamp = 100) => CompactBallot.Of(new Ballot
    {
        Voter = Address(7),
        Support = Support.Against,
        Weight = 5,
        Timestamp = timestamp,
        Digest = Digest,
    });

    [Fact]
    public void A_first_ballot_is_admitted() =>
        Assert.Equal(BallotAdmission.First, BallotRules.Admit(null, Request(), Standard));

    [Fact]
    public void The_same_signed_ballot_again_is_a_duplicate_even_where_changes_are_not_allowed() =>
        Assert.Equal(BallotAdmission.Duplicate, BallotRules.Admit(Counted(), Request(), Standard with { AllowBallotChange = false }));

    [Fact]
    public void A_different_ballot_is_refused_where_the_class_does_not_allow_changes()
    {
        var e = Assert.Throws<GovernanceException>(() =>
            BallotRules.Admit(Counted(), Request(101, "0x" + new string('b', 64)), Standard with { AllowBallotChange = false }));
        Assert.Equal(GovernanceError.AlreadyVoted, e.Error);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(99)]
    public void A_replacement_must_be_strictly_newer(long timestamp)
    {
        var e = Assert.Throws<GovernanceException>(() =>
            BallotRules.Admit(Counted(100), Request(timestamp, "0x" + new string('b', 64)), Standard with { AllowBallotChange = true }));
        Assert.Equal(GovernanceError.StaleBallot, e.Error);
    }

    [Fact]
    public void A_newer_ballot_replaces_where_changes_are_allowed() =>
        Assert.Equal(BallotAdmission.Replacement,
            BallotRules.Admit(Counted(100), Request(101, "0x" + new string('b', 64)), Standard with { AllowBallotChange = true }));

    [Theory]
    [InlineData("0xABC", 1, "", 66)]
    [InlineData(null, 9, "", 66)]
    [InlineData(null, 1, "long", 66)]
    [InlineData(null, 1, "", 10)]
    public void Malformed_ballots_are_invalid(string? voter, int support, string reason, int digestLength)
    {
        var request = Request() with
        {
            Voter = voter ?? Address(7),
            Support = (Support)support,
            Reason = reason == "long" ? new string('r', BallotRules.MaxReason + 1) : reason,
            Digest = "0x" + new string('a', digestLength - 2),
        };
        Assert.Equal(GovernanceError.InvalidArgument, Assert.Throws<GovernanceException>(() => BallotRules.Validate(request)).Error);
    }

    [Fact]
    public void A_digest_of_66_characters_that_are_not_hex_is_invalid()
    {
        var request = Request() with { Digest = "0x" + new string('a', 63) + "g" };
        var refused = Assert.Throws<GovernanceException>(() => BallotRules.Validate(request));
        Assert.Equal((GovernanceError.InvalidArgument, "digest must be 32 bytes of 0x hex"), (refused.Error, refused.Message));
    }

    [Fact]
    public void A_reason_of_exactly_the_limit_is_fine() =>
        BallotRules.Validate(Request() with { Reason = new string('r', BallotRules.MaxReason) });

    [Fact]
    public void A_ballot_sent_to_another_voters_shard_is_refused()
    {
        var own = BallotShards.Of(Address(7), 8);
        BallotRules.RequireShard(Address(7), 8, own);
        var e = Assert.Throws<GovernanceException>(() => BallotRules.RequireShard(Address(7), 8, (own + 1) % 8));
        Assert.Contains($"votes through shard {own}", e.Message);
    }
}
