using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Governance.Tests.Voting;

/// <summary>Delegator override (GovernorCountingOverridable) and the delegate history it reads at the snapshot.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class OverrideRulesTests
{
    private static readonly string D = Samples.Address(0xd), E = Samples.Address(0xe), F = Samples.Address(0xf);

    [Fact]
    public void A_delegator_has_an_override_share_only_when_it_delegated_to_someone_else()
    {
        Assert.Equal((E, (BigInteger)70), OverrideRules.Share(D, new DelegationAt { Delegate = E, Balance = 70 }));
        Assert.Equal((null, BigInteger.Zero), OverrideRules.Share(D, new DelegationAt { Delegate = D, Balance = 70 }));
        Assert.Equal((null, BigInteger.Zero), OverrideRules.Share(D, new DelegationAt { Delegate = null, Balance = 70 }));
        Assert.Equal((null, BigInteger.Zero), OverrideRules.Share(D, new DelegationAt { Delegate = E, Balance = 0 }));
    }

    [Fact]
    public void An_override_moves_exactly_the_delegator_s_balance_out_of_the_delegate_s_support()
    {
        // E holds 100 delegated votes, 70 of them D's. E votes For (100); D overrides with Against (70).
        var e = new Ballot { Voter = E, Support = Support.For, Weight = 100 };
        var d = new Ballot { Voter = D, Support = Support.Against, Weight = 70, OverrideOf = E, OverrideBalance = 70 };
        var counted = Counting.Recompute([e, d]);
        var adjusted = OverrideRules.Adjust(counted, [Override(D, E, 70)], new Dictionary<string, Ballot> { [E] = e });
        Assert.Equal((BigInteger)30, adjusted.For);
        Assert.Equal((BigInteger)70, adjusted.Against);
        Assert.Equal((BigInteger)30, adjusted.QuorumPower);
        Assert.Equal(2, adjusted.Voters);
    }

    [Fact]
    public void Whichever_ballot_comes_first_the_count_is_the_same()
    {
        var e = new Ballot { Voter = E, Support = Support.Abstain, Weight = 100, Timestamp = 1 };
        var d = new Ballot { Voter = D, Support = Support.For, Weight = 70, OverrideOf = E, OverrideBalance = 70, Timestamp = 2 };
        var delegates = new Dictionary<string, Ballot> { [E] = e };
        var first = OverrideRules.Adjust(Counting.Recompute([e, d]), [Override(D, E, 70)], delegates);
        var second = OverrideRules.Adjust(Counting.Recompute([d, e]), [Override(D, E, 70)], delegates);
        Assert.Equal(first, second);
        Assert.Equal((BigInteger)70, first.For);
        Assert.Equal((BigInteger)30, first.Abstain);
    }

    [Fact]
    public void A_delegate_that_does_not_vote_loses_nothing_and_never_more_than_its_weight()
    {
        var d = new Ballot { Voter = D, Support = Support.For, Weight = 70, OverrideOf = E, OverrideBalance = 70 };
        var alone = OverrideRules.Adjust(Counting.Recompute([d]), [Override(D, E, 70)], new Dictionary<string, Ballot>());
        Assert.Equal((BigInteger)70, alone.For);

        var e = new Ballot { Voter = E, Support = Support.Against, Weight = 50 };
        var f = new Ballot { Voter = F, Support = Support.For, Weight = 40, OverrideOf = E, OverrideBalance = 40 };
        var capped = OverrideRules.Adjust(Counting.Recompute([e, d, f]), [Override(D, E, 30), Override(F, E, 40)],
            new Dictionary<string, Ballot> { [E] = e });
        Assert.Equal(BigInteger.Zero, capped.Against);
    }

    [Fact]
    public void The_delegate_at_a_timepoint_is_the_last_change_at_or_before_it()
    {
        var history = new List<DelegateCheckpoint>();
        DelegationRules.RecordDelegate(history, 100, null, E);
        DelegationRules.RecordDelegate(history, 200, E, F);
        DelegationRules.RecordDelegate(history, 200, F, null); // same second: the last one holds
        Assert.Null(DelegationRules.DelegateAt(history, null, 99));
        Assert.Equal(E, DelegationRules.DelegateAt(history, null, 100));
        Assert.Equal(E, DelegationRules.DelegateAt(history, null, 199));
        Assert.Null(DelegationRules.DelegateAt(history, null, 200));
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public void A_position_delegated_before_histories_were_kept_starts_from_that_delegate()
    {
        Assert.Equal(E, DelegationRules.DelegateAt([], E, 5));
        var history = new List<DelegateCheckpoint>();
        DelegationRules.RecordDelegate(history, 300, E, F);
        Assert.Equal(E, DelegationRules.DelegateAt(history, F, 299));
        Assert.Equal(F, DelegationRules.DelegateAt(history, F, 300));
    }

    private static BallotOverride Override(string delegator, string @delegate, long balance) =>
        new() { Delegator = delegator, Delegate = @delegate, Balance = balance };
}
