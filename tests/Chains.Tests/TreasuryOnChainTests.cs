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
    private static readonly AbiFunction BalanceOf = AbiFunction.Parse("function balanceOf(address) view returns (uint256)");
    private static readonly AbiFunction SetNumber = AbiFunction.Parse("setNumber(uint256)");
    // Not the deployer: that is the cluster's executor key, which anchors in the background (one nonce sequence each).
    private static readonly byte[] Funder = DevAccounts.Keys[3];
    private const string Voter = "0x00000000000000000000000000000000000000a7";
    private const string Recipient = "0x00000000000000000000000000000000000000b9";

    [Fact]
    public async Task Deposits_payouts_allocations_a_revert_and_a_reorg_keep_the_ledger_equal_to_the_chain()
    {
        var btk = await chain.Dev.DeployAsync("BlocktrackToken", Funder, DevAccounts.AddressOf(Funder));
        var vault = await Timelock();
        var subVault = await Timelock();
        var dao = await Dao("vault", vault, btk.Address);

        // Random deposits from random holders, and transfers between others that the treasury must ignore.
        var random = new Random(15);
        var holders = new List<byte[]>();
        for (var i = 0; i < 3; i++) holders.Add(await NewHolder(btk, 10_000));
        BigInteger deposited = 0;
        for (var i = 0; i < 8; i++)
        {
            var amount = (BigInteger)random.Next(1, 900);
            await Succeed(btk, holders[i % 3], "transfer", vault, amount);
            await Succeed(btk, holders[(i + 1) % 3], "transfer", DevAccounts.AddressOf(holders[(i + 2) % 3]), (BigInteger)7);
            deposited += amount;
        }
        await Succeed(btk, Funder, "mint", vault, (BigInteger)1_000);
        deposited += 1_000;
        await AssertMirrored(dao, "vault", vault, btk.Address, deposited);
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
            OnChainTreasury = Binding(subVault, btk.Address),
        };
        var executed = await chain.PassAndWait(dao, Voter, new TreasuryTransfer("btk", Recipient, 123), new CreateSubDao("grants", "Grants", sub, new DaoRoles()),
            new AllocateBudget("grants", "btk", 200));
        Assert.True(executed.State == ProposalState.Executed, executed.ExecutionError);
        Assert.Equal(123, await btk.CallAsync<BigInteger>("balanceOf", Recipient));
        Assert.Equal(200, await btk.CallAsync<BigInteger>("balanceOf", subVault));
        await AssertMirrored(dao, "vault", vault, btk.Address, deposited - 323);
        await AssertMirrored(chain.Grains.GetGrain<IDaoGrain>("vault/grants"), "vault/grants", subVault, btk.Address, 200);

        // A batch that reverts (the vault does not own the Counter) fails the execution and moves nothing.
        var failed = await chain.PassAndWait(dao, Voter, new TreasuryTransfer("btk", Recipient, 50),
            new OnChainCall(ExecutorFixture.ChainId, chain.Counter.Address, 0, Hex.ToHex(SetNumber.EncodeCall((BigInteger)5))));
        Assert.NotEqual(ProposalState.Executed, failed.State);
        Assert.Contains("reverted", failed.ExecutionError);
        Assert.Equal(123, await btk.CallAsync<BigInteger>("balanceOf", Recipient));
        await AssertMirrored(dao, "vault", vault, btk.Address, deposited - 323);

        // A deposit on a branch that a longer branch replaces leaves the ledger with the chain.
        var snapshot = await chain.Dev.SnapshotAsync();
        await Succeed(btk, holders[0], "transfer", vault, (BigInteger)777);
        await AssertMirrored(dao, "vault", vault, btk.Address, deposited - 323 + 777);
        var branch = await chain.Dev.BlockNumberAsync();
        var reorgs = (await chain.Watcher.GetStatus()).Reorgs;
        Assert.True(await chain.Dev.RevertAsync(snapshot));
        await Succeed(btk, holders[1], "transfer", vault, (BigInteger)5);
        while (await chain.Dev.BlockNumberAsync() <= branch + 2) await chain.Dev.MineAsync();
        await AssertMirrored(dao, "vault", vault, btk.Address, deposited - 323 + 5);
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
        var e = await Assert.ThrowsAsync<GovernanceException>(() => Dao("foreign", foreign.Address, btk.Address));
        Assert.Equal(GovernanceError.AccountNotControlled, e.Error);
        e = await Assert.ThrowsAsync<GovernanceException>(() => Dao("not-a-timelock", btk.Address, btk.Address));
        Assert.Equal(GovernanceError.AccountNotControlled, e.Error);

        var vault = await Timelock();
        await Dao("first", vault, btk.Address);
        e = await Assert.ThrowsAsync<GovernanceException>(() => Dao("second", vault, btk.Address));
        Assert.Equal(GovernanceError.TreasuryAccountTaken, e.Error);
        var info = await chain.Grains.GetGrain<IDaoGrain>("first").GetInfo();
        Assert.Equal((TreasuryCustody.OnChain, vault), (info.Custody, info.OnChainTreasury!.Account));

        // A token not deployed (yet) holds nothing: the mirror opens at zero and the watcher stays healthy.
        var undeployed = await Dao("undeployed", await Timelock(), "0x00000000000000000000000000000000000dead1");
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
        var vault = await Timelock();
        var dao = await Dao("eth-vault", vault, BoundAsset.NativeToken, "eth");
        var sender = await NewHolder(null, 0);
        var wei = BigInteger.Pow(10, 18);
        Assert.True((await chain.Dev.Sender(sender).SendAsync(vault, [], value: 3 * wei)).Succeeded);
        await AssertMirrored(dao, "eth-vault", "eth", 3 * wei, block => NativeAt(vault, block));

        var paid = await chain.PassAndWait(dao, Voter, new TreasuryTransfer("eth", Recipient, wei));
        Assert.True(paid.State == ProposalState.Executed, paid.ExecutionError);
        Assert.Equal(wei, await NativeAt(Recipient, await chain.Dev.BlockNumberAsync()));
        await AssertMirrored(dao, "eth-vault", "eth", 2 * wei, block => NativeAt(vault, block));
        var ledger = await chain.Grains.GetGrain<IChainTreasuryGrain>("eth-vault").GetLedger(0, 10);
        Assert.Equal([TreasuryMovementKind.Opening, TreasuryMovementKind.In, TreasuryMovementKind.Out], ledger.Items.Select(m => m.Kind));
    }

    private async Task<BigInteger> NativeAt(string account, long block) =>
        (await chain.Dev.Eth.GetBalance.SendRequestAsync(account, new BlockParameter(new HexBigInteger(block)))).Value;

    private async Task<IDaoGrain> Dao(string name, string account, string token, string asset = "btk")
    {
        var dao = chain.Grains.GetGrain<IDaoGrain>(name);
        await dao.CreateRoot(new CreateDaoRequest
        {
            DisplayName = name,
            Constitution = new Constitution
            {
                Classes = [ExecutorFixture.OnChainClass($"{name}-btk")], OnChainTreasury = Binding(account, token, asset),
                SubDaoBounds = new ConstitutionBounds { MinVotingPeriod = TimeSpan.FromSeconds(1) },
            },
        });
        var voter = chain.Grains.GetGrain<IVoterGrain>(Voter);
        await voter.RecordBalance($"{name}-btk", DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, 10);
        await voter.Delegate($"{name}-btk", Voter);
        return dao;
    }

    private static TreasuryBinding Binding(string account, string token, string asset = "btk") => new()
    {
        Chain = ExecutorFixture.ChainId, Account = account, Assets = [new BoundAsset { Asset = asset, Token = token }],
    };

    /// <summary>A zero-delay TimelockController the cluster's executor proposes and executes on.</summary>
    private async Task<string> Timelock()
    {
        var roles = new[] { DevAccounts.DeployerAddress };
        return (await chain.Dev.DeployAsync("TimelockController", Funder, 0, roles, roles, DevAccounts.DeployerAddress)).Address;
    }

    /// <summary>
    /// Sends with a fixed gas limit: hardhat estimates at a pending block whose timestamp can lag the blocks a fast test has
    /// already mined, where ERC20Votes' checkpoint would refuse to go back in time (a revert the real send never meets).
    /// </summary>
    private async Task<Nethereum.RPC.Eth.DTOs.TransactionReceipt> Succeed(DevContract contract, byte[] key, string function,
        params object?[] arguments)
    {
        var sent = await chain.Dev.Sender(key).SendAsync(contract.Address, contract.Encode(function, arguments), gasLimit: 300_000);
        Assert.True(sent.Succeeded, $"{function}: {sent.Error}");
        return sent.Receipt!;
    }

    private async Task<byte[]> NewHolder(DevContract? btk, BigInteger amount)
    {
        var key = DevAccounts.NewKey();
        await chain.Dev.SetBalance(DevAccounts.AddressOf(key), BigInteger.Pow(10, 21));
        if (btk is not null) await Succeed(btk, Funder, "mint", DevAccounts.AddressOf(key), amount);
        return key;
    }

    /// <summary>Once the watcher has caught up: the DAO's btk is <paramref name="expected"/>, and so is balanceOf at its cursor.</summary>
    private Task AssertMirrored(IDaoGrain dao, string path, string account, string token, BigInteger expected) =>
        AssertMirrored(dao, path, "btk", expected, async block =>
            (BigInteger)(await BalanceOf.CallAtAsync(chain.Dev.Eth, token, new BlockParameter(new HexBigInteger(block)), account))[0]!);

    /// <summary>
    /// Once the watcher has caught up: the DAO's <paramref name="asset"/> is <paramref name="expected"/>, so is the chain's
    /// balance at the watcher's cursor, and so is the sum of the mirror's movements.
    /// </summary>
    private async Task AssertMirrored(IDaoGrain dao, string path, string asset, BigInteger expected, Func<long, Task<BigInteger>> onChainAt)
    {
        await Eventually.Until(async () => ((await dao.GetInfo()).Treasury.GetValueOrDefault(asset), await chain.Watcher.GetStatus()),
            x => x.Item1 == expected, TimeSpan.FromSeconds(30), $"'{path}' mirrored {expected} {asset}");
        var cursor = (await chain.CaughtUp()).Cursor;
        Assert.Equal(expected, await onChainAt(cursor));
        Assert.Equal(expected, (await dao.GetInfo()).Treasury[asset]);
        var ledger = await chain.Grains.GetGrain<IChainTreasuryGrain>(path).GetLedger(0, 500);
        Assert.Equal(expected, ledger.Items.Where(m => m.Asset == asset).Aggregate(BigInteger.Zero, (sum, m) => sum + m.Delta));
    }
}
