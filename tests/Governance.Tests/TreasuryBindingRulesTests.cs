using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

/// <summary>A treasury held on chain: a well-formed binding for good, the ledger/mirror split, and the transfers an execution makes.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class TreasuryBindingRulesTests
{
    private const string Id = "blocktrack/4";
    private static readonly string Account = Address(0x7100), SubAccount = Address(0x7200), Btk = Address(0xb7c), Usdc = Address(0x05dc);

    private static readonly TreasuryBinding Bound = new()
    {
        Chain = 412346, Account = Account, Assets = [new BoundAsset { Asset = "btk", Token = Btk }],
    };

    private static readonly TreasuryBinding SubBound = Bound with { Account = SubAccount };

    private static readonly Dictionary<string, TreasuryBinding?> Subs = new()
    {
        ["blocktrack/grants"] = SubBound, ["blocktrack/ledger-only"] = null,
    };

    [Fact]
    public void A_binding_needs_a_chain_an_account_and_distinct_well_formed_assets()
    {
        TreasuryBindingRules.Validate(Bound);
        Assert.Equal("an on-chain treasury needs a chain id", Violation(() => TreasuryBindingRules.Validate(Bound with { Chain = 0 })));
        Violation(() => TreasuryBindingRules.Validate(Bound with { Account = "0xABC" }));
        Violation(() => TreasuryBindingRules.Validate(Bound with { Assets = [] }));
        Assert.Equal("an asset is bound twice", Violation(() => TreasuryBindingRules.Validate(Bound with
        {
            Assets = [new BoundAsset { Asset = "btk", Token = Btk }, new BoundAsset { Asset = "btk", Token = Usdc }],
        })));
        Assert.Equal("a token is bound to two assets", Violation(() => TreasuryBindingRules.Validate(Bound with
        {
            Assets = [new BoundAsset { Asset = "btk", Token = Btk }, new BoundAsset { Asset = "btk2", Token = Btk }],
        })));
        // The constitution checks it as part of itself.
        Violation(() => ConstitutionRules.Validate(Constitution() with { OnChainTreasury = Bound with { Chain = -1 } }));
    }

    [Fact]
    public void Once_bound_an_amendment_may_add_assets_but_never_unbind_move_or_retoken()
    {
        var more = Bound with { Assets = Bound.Assets.Add(new BoundAsset { Asset = "usdc", Token = Usdc }) };
        TreasuryBindingRules.ValidateAmendment(null, Bound);
        TreasuryBindingRules.ValidateAmendment(Bound, more);
        Assert.Equal(["usdc"], TreasuryBindingRules.Added(Bound, more).Select(a => a.Asset));
        Violation(() => TreasuryBindingRules.ValidateAmendment(Bound, null));
        Violation(() => TreasuryBindingRules.ValidateAmendment(Bound, Bound with { Account = SubAccount }));
        Violation(() => TreasuryBindingRules.ValidateAmendment(Bound, Bound with { Chain = 1 }));
        Violation(() => TreasuryBindingRules.ValidateAmendment(more, Bound));
        Violation(() => TreasuryBindingRules.ValidateAmendment(Bound, Bound with { Assets = [new BoundAsset { Asset = "btk", Token = Usdc }] }));

        // Through the planner, as a constitutional proposal would try it.
        var ledger = new DaoLedger { Path = "blocktrack", Constitution = Constitution() with { OnChainTreasury = Bound } };
        var e = Assert.Throws<ActionFailedException>(() => ActionPlanner.Plan(ledger, Constitutional, Id,
            [new AmendConstitution(Constitution())], T0));
        Assert.Contains("may not unbind or move it", e.Message);
    }

    [Fact]
    public void Bound_assets_are_planned_with_their_mirrored_balance_and_left_out_of_the_ledger()
    {
        var ledger = Treasury(("btk", 5), ("eth", 7));
        var mirrored = Treasury(("btk", 900));
        var combined = TreasuryBindingRules.Combined(ledger, mirrored, Bound);
        Assert.Equal(900, (int)combined["btk"]);
        Assert.Equal(7, (int)combined["eth"]);
        Assert.Same(ledger, TreasuryBindingRules.Combined(ledger, mirrored, null));
        Assert.Equal(["eth"], TreasuryBindingRules.LedgerPart(combined, Bound).Keys);
        // An asset bound but not mirrored yet has nothing to spend.
        Assert.Equal(0, (int)TreasuryBindingRules.Combined(ledger, Treasury(), Bound)["btk"]);
    }

    [Fact]
    public void Transfers_and_allocations_of_bound_assets_become_erc20_transfers_in_action_order()
    {
        ImmutableArray<ProposalAction> actions =
        [
            new TreasuryTransfer("eth", Address(9), 1),
            new TreasuryTransfer("btk", Address(8), 40),
            new AllocateBudget("grants", "btk", 300),
        ];
        var payouts = TreasuryBindingRules.Payouts("blocktrack", Bound, actions, Subs);
        Assert.Equal([new TreasuryPayout(1, Btk, Address(8), 40), new TreasuryPayout(2, Btk, SubAccount, 300)], payouts.ToArray());
        // A ledger treasury makes none.
        Assert.Empty(TreasuryBindingRules.Payouts("blocktrack", null, [new TreasuryTransfer("btk", Address(8), 40)], Subs));

        // The planner debits them (against the mirrored balance) but credits no sub-DAO: its own mirror will.
        var ledger = new DaoLedger
        {
            Path = "blocktrack", Constitution = Constitution() with { OnChainTreasury = Bound },
            SubDaos = ["blocktrack/grants"], Treasury = Treasury(("btk", 340), ("eth", 1)),
        };
        var plan = ActionPlanner.Plan(ledger, Constitutional, Id, actions, T0);
        Assert.Empty(plan.Effects);
        Assert.Equal(BigInteger.Zero, plan.Ledger.Treasury["btk"]);
    }

    [Fact]
    public void Funds_that_cannot_move_fail_their_action()
    {
        Assert.Equal(0, Failed(Bound, new AllocateBudget("ledger-only", "btk", 1)));
        Assert.Equal(0, Failed(Bound, new AllocateBudget("grants", "usdc-l3", 1), subBinding: SubBound with
        {
            Assets = [new BoundAsset { Asset = "usdc-l3", Token = Usdc }],
        }));
        Assert.Equal(0, Failed(null, new AllocateBudget("grants", "btk", 1)));
        Assert.Equal(1, Failed(Bound, new TreasuryTransfer("btk", Address(1), 1), new FundRewards("btk", 10, 2)));
        // A sub-DAO's account on another chain cannot receive a transfer of this chain.
        Assert.Equal(0, Failed(Bound, new AllocateBudget("grants", "btk", 1), subBinding: SubBound with { Chain = 1 }));
        // On-chain calls go in the transfers' batch, so they must be on the same chain.
        Assert.Equal(0, Failed(Bound, new OnChainCall(1, Address(3), 0, "0x"), new TreasuryTransfer("btk", Address(1), 1)));
    }

    private static int Failed(TreasuryBinding? binding, ProposalAction first, ProposalAction? second = null,
        TreasuryBinding? subBinding = null)
    {
        ImmutableArray<ProposalAction> actions = second is null ? [first] : [first, second];
        var subs = new Dictionary<string, TreasuryBinding?>(Subs);
        if (subBinding is not null) subs["blocktrack/grants"] = subBinding;
        return Assert.Throws<ActionFailedException>(() => TreasuryBindingRules.Payouts("blocktrack", binding, actions, subs)).ActionIndex;
    }

    private static string Violation(Action check) =>
        Assert.Throws<GovernanceException>(check) is { Error: GovernanceError.ConstitutionViolation } e ? e.Message : "wrong error";
}
