using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

/// <summary>ERC20Votes as transfers: delegates' votes and the votable supply move exactly with delegated balances.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class DelegationRulesTests
{
    private static readonly string A = Address(1), B = Address(2);

    [Fact]
    public void An_undelegated_balance_moves_nobodys_votes() => Assert.Empty(DelegationRules.BalanceChanged(null, 50));

    [Fact]
    public void A_delegated_balance_moves_its_delegate_and_the_supply() =>
        Assert.Equal([new PowerTransfer(A, -20), new PowerTransfer(null, -20)], DelegationRules.BalanceChanged(A, -20));

    [Fact]
    public void First_delegation_adds_to_the_delegate_and_to_the_supply() =>
        Assert.Equal([new PowerTransfer(A, 100), new PowerTransfer(null, 100)], DelegationRules.Redelegated(null, A, 100));

    [Fact]
    public void Redelegation_moves_votes_between_delegates_and_leaves_the_supply() =>
        Assert.Equal([new PowerTransfer(A, -100), new PowerTransfer(B, 100)], DelegationRules.Redelegated(A, B, 100));

    [Fact]
    public void Undelegating_takes_votes_out_of_the_supply() =>
        Assert.Equal([new PowerTransfer(A, -100), new PowerTransfer(null, -100)], DelegationRules.Redelegated(A, null, 100));

    [Fact]
    public void Nothing_moves_for_the_same_delegate_or_an_empty_balance()
    {
        Assert.Empty(DelegationRules.Redelegated(A, A, 100));
        Assert.Empty(DelegationRules.Redelegated(A, B, 0));
    }

    [Fact]
    public void Any_sequence_keeps_the_supply_equal_to_the_sum_of_delegated_balances()
    {
        var random = new Random(7);
        var holders = Enumerable.Range(10, 6).Select(Address).ToArray();
        var candidates = new string?[] { null, A, B, holders[0] };
        var balance = holders.ToDictionary(h => h, _ => BigInteger.Zero);
        var delegateOf = holders.ToDictionary(h => h, _ => (string?)null);
        var votes = new Dictionary<string, BigInteger>();
        var supply = BigInteger.Zero;
        void Apply(IEnumerable<PowerTransfer> transfers)
        {
            foreach (var (to, delta) in transfers)
            {
                if (to is null) supply += delta;
                else votes[to] = votes.GetValueOrDefault(to) + delta;
            }
        }
        for (var step = 0; step < 500; step++)
        {
            var h = holders[random.Next(holders.Length)];
            if (random.Next(2) == 0)
            {
                var next = BigInteger.Parse(random.Next(0, 1000).ToString());
                Apply(DelegationRules.BalanceChanged(delegateOf[h], next - balance[h]));
                balance[h] = next;
            }
            else
            {
                var to = candidates[random.Next(candidates.Length)];
                Apply(DelegationRules.Redelegated(delegateOf[h], to, balance[h]));
                delegateOf[h] = to;
            }
            Assert.Equal(holders.Where(x => delegateOf[x] is not null).Aggregate(BigInteger.Zero, (s, x) => s + balance[x]), supply);
            foreach (var d in candidates.OfType<string>())
            {
                var expected = holders.Where(x => delegateOf[x] == d).Aggregate(BigInteger.Zero, (s, x) => s + balance[x]);
                Assert.Equal(expected, votes.GetValueOrDefault(d));
            }
        }
    }

    [Fact]
    public void The_zero_address_means_no_delegate()
    {
        Assert.Null(DelegationRules.Delegatee(Addresses.Zero));
        Assert.Equal(A, DelegationRules.Delegatee(A));
    }

    [Theory]
    [InlineData(-1, 100, 0, GovernanceError.InvalidArgument)]
    [InlineData(5, 1_061, 0, GovernanceError.StaleTimepoint)]
    [InlineData(5, 99, 100, GovernanceError.StaleTimepoint)]
    public void Fed_balances_are_non_negative_not_in_the_future_and_in_order(long balance, long timepoint, long last, GovernanceError error) =>
        Assert.Equal(error, Assert.Throws<GovernanceException>(() =>
            DelegationRules.ValidateBalance(balance, timepoint, last, now: 1_000)).Error);

    [Fact]
    public void A_balance_at_the_last_timepoint_or_within_the_tolerance_is_accepted()
    {
        DelegationRules.ValidateBalance(5, 100, 100, now: 1_000);
        DelegationRules.ValidateBalance(5, 1_000 + DelegationRules.FutureTolerance, 100, now: 1_000);
    }
}
