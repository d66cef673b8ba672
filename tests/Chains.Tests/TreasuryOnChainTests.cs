using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
using Blocktrack.Grains.Interfaces;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// A treasury held by the DAO's own TimelockController on a real chain: deposits are plain ERC-20 transfers the watcher
/// mirrors, payouts and allocations are transfers the timelock executes, a reverted batch changes nothing, a reorg
/// that drops a deposit drops it from the ledger, and the ledger always equals balanceOf at the mirrored block.
/// </summary>
[Trait("Category", TestCategory.Chain)]
public sealed class TreasuryOnChainTests(ExecutorFixture chain) : IClassFixture<ExecutorFixture>
{
    private static readonly AbiFunction SetNumber = AbiFunction.Parse("setNumber(uint256)");
    private static readonly byte[] Funder = TreasuryChain.Funder;
    private const string Voter = TreasuryChain.Voter;
    private const string Recipient = "0x00000000000000000000000000000000000000b9";
    private readonly TreasuryChain vaults = new(chain);

    [Fact]
    public async Task Deposits_payouts_allocations_a_revert_and_a_reorg_keep_the_ledger_equal_to_the_chain()
    {
        var btk = await chain.Dev.DeployAsync("BlocktrackToken", Funder, DevAccounts.AddressOf(Funder));
        var vault = await vaults.Timelock();
        var subVault = await vaults.Timelock();
        var dao = await vaults.Dao("vault", vault, btk.Address);

        // Random deposits from random holders, and transfers between others that the treasury must ignore.
        var random = new Random(15);
        var holders = new List<byte[]>();
        for (var i = 0; i < 3; i++) holders.Add(await vaults.NewHolder(btk, 10_000));
        BigInteger deposited = 0;
        for (var i = 0; i < 8; i++)
        {
            var amount = (BigInteger)random.Next(1, 900);
            await vaults.Succeed(btk, holders[i % 3], "transfer", vault, amount);
            await vaults.Succeed(btk, holders[(i + 1) % 3], "transfer", DevAccounts.AddressOf(holders[(i + 2) % 3]), (BigInteger)7);
            deposited += amount;
        }
        await vaults.Succeed(btk, Funder, "mint", vault, (BigInteger)1_000);
        deposited += 1_000;
        await vaults.AssertMirrored(dao, "vault", vault, btk.Address, deposited);
        var ledger = await chain.Grains.GetGrain<IChainTreasuryGrain>("vault").GetLedger(0, 100);
        Assert.Equal(9, ledger.Items.Count(m => m.Kind == TreasuryMovementKind.In));
        Assert.All(ledger.Items.Where(m => m.Kind == TreasuryMovementKind.In), m => Assert.StartsWith("0x", m.TransactionHash));

        // Nobody records a deposit of a bound asset: it is a transfer to the account.
        var refused = await Assert.ThrowsAsync<GovernanceException>(() => dao.Deposit("bank-1", "btk", 5));
        Assert.Equal(GovernanceError.ChainOwned, refused.Error);

        // A payout, a new sub-DAO with its own account, and an allocation to it: one timelock batch from the vault.
        var sub = new Constitution
        {
            Classes = [ExecutorFixture.OnChainClass("vault-btk")],
            OnChainTreasury = TreasuryChain.Binding(subVault, btk.Address),
        };
        var executed = await chain.PassAndWait(dao, Voter, new TreasuryTransfer("btk", Recipient, 123),
            new CreateSubDao("grants", "Grants", sub, new DaoRoles()), new AllocateBudget("grants", "btk", 200));
        Assert.True(executed.State == ProposalState.Executed, executed.ExecutionError);
        Assert.Equal(123, await btk.CallAsync<BigInteger>("balanceOf", Recipient));
        Assert.Equal(200, await btk.CallAsync<BigInteger>("balanceOf", subVault));
        await vaults.AssertMirrored(dao, "vault", vault, btk.Address, deposited - 323);
        await vaults.AssertMirrored(chain.Grains.GetGrain<IDaoGrain>("vault/grants"), "vault/grants", subVault, btk.Address, 200);

        // A batch that reverts (the vault does not own the Counter) fails the execution and moves nothing.
        var failed = await chain.PassAndWait(dao, Voter, new TreasuryTransfer("btk", Recipient, 50),
            new OnChainCall(ExecutorFixture.ChainId, chain.Counter.Address, 0, Hex.ToHex(SetNumber.EncodeCall((BigInteger)5))));
        Assert.NotEqual(ProposalState.Executed, failed.State);
        Assert.Contains("reverted", failed.ExecutionError);
        Assert.Equal(123, await btk.CallAsync<BigInteger>("balanceOf", Recipient));
        await vaults.AssertMirrored(dao, "vault", vault, btk.Address, deposited - 323);

        // A deposit on a branch that a longer branch replaces leaves the ledger with the chain.
        var snapshot = await chain.Dev.SnapshotAsync();
        await vaults.Succeed(btk, holders[0], "transfer", vault, (BigInteger)777);
        await vaults.AssertMirrored(dao, "vault", vault, btk.Address, deposited - 323 + 777);
        var branch = await chain.Dev.BlockNumberAsync();
        var reorgs = (await chain.Watcher.GetStatus()).Reorgs;
        Assert.True(await chain.Dev.RevertAsync(snapshot));
        await vaults.Succeed(btk, holders[1], "transfer", vault, (BigInteger)5);
        while (await chain.Dev.BlockNumberAsync() <= branch + 2) await chain.Dev.MineAsync();
        await vaults.AssertMirrored(dao, "vault", vault, btk.Address, deposited - 323 + 5);
        Assert.Equal(reorgs + 1, (await chain.Watcher.GetStatus()).Reorgs);
        var after = await chain.Grains.GetGrain<IChainTreasuryGrain>("vault").GetLedger(0, 100);
        Assert.DoesNotContain(after.Items, m => m.Amount == 777);
    }

    [Fact]
    public async Task A_treasury_binds_only_an_account_the_executor_drives_and_no_other_dao_holds()
    {
        var btk = await chain.Dev.DeployAsync("BlocktrackToken", Funder, DevAccounts.AddressOf(Funder));
        var stranger = DevAccounts.AddressOf(DevAccounts.NewKey());
        var foreign = await chain.Dev.DeployAsync("TimelockController", Funder, 0, new[] { stranger }, new[] { stranger }, stranger);
        var e = await Assert.ThrowsAsync<GovernanceException>(() => vaults.Dao("foreign", foreign.Address, btk.Address));
        Assert.Equal(GovernanceError.AccountNotControlled, e.Error);
        e = await Assert.ThrowsAsync<GovernanceException>(() => vaults.Dao("not-a-timelock", btk.Address, btk.Address));
        Assert.Equal(GovernanceError.AccountNotControlled, e.Error);

        var vault = await vaults.Timelock();
        await vaults.Dao("first", vault, btk.Address);
        e = await Assert.ThrowsAsync<GovernanceException>(() => vaults.Dao("second", vault, btk.Address));
        Assert.Equal(GovernanceError.TreasuryAccountTaken, e.Error);
        var info = await chain.Grains.GetGrain<IDaoGrain>("first").GetInfo();
        Assert.Equal((TreasuryCustody.OnChain, vault), (info.Custody, info.OnChainTreasury!.Account));

        // A token not deployed (yet) holds nothing: the mirror opens at zero and the watcher stays healthy.
        var undeployed = await vaults.Dao("undeployed", await vaults.Timelock(), "0x00000000000000000000000000000000000dead1");
        await chain.Dev.MineAsync();
        var status = await chain.CaughtUp();
        Assert.True(status.Healthy, status.LastError);
        Assert.Equal(BigInteger.Zero, (await undeployed.GetInfo()).Treasury["btk"]);
        Assert.Equal(TreasuryMovementKind.Opening,
            Assert.Single((await chain.Grains.GetGrain<IChainTreasuryGrain>("undeployed").GetLedger(0, 10)).Items).Kind);
    }

    [Fact]
    public async Task Native_eth_sent_to_the_account_is_mirrored_and_paid_out_by_the_timelock()
    {
        var vault = await vaults.Timelock();
        var dao = await vaults.Dao("eth-vault", vault, BoundAsset.NativeToken, "eth");
        var sender = await vaults.NewHolder(null, 0);
        var wei = BigInteger.Pow(10, 18);
        Assert.True((await chain.Dev.Sender(sender).SendAsync(vault, [], value: 3 * wei)).Succeeded);
        await vaults.AssertMirrored(dao, "eth-vault", "eth", 3 * wei, block => vaults.NativeAt(vault, block));

        var paid = await chain.PassAndWait(dao, Voter, new TreasuryTransfer("eth", Recipient, wei));
        Assert.True(paid.State == ProposalState.Executed, paid.ExecutionError);
        Assert.Equal(wei, await vaults.NativeAt(Recipient, await chain.Dev.BlockNumberAsync()));
        await vaults.AssertMirrored(dao, "eth-vault", "eth", 2 * wei, block => vaults.NativeAt(vault, block));
        var ledger = await chain.Grains.GetGrain<IChainTreasuryGrain>("eth-vault").GetLedger(0, 10);
        Assert.Equal([TreasuryMovementKind.Opening, TreasuryMovementKind.In, TreasuryMovementKind.Out], ledger.Items.Select(m => m.Kind));
    }
}
