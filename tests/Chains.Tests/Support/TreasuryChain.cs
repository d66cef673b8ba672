using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
using Blocktrack.Grains.Interfaces;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Blocktrack.Chains.Tests;

/// <summary>DAOs whose treasury is a TimelockController on the executor's chain, funded and checked against balanceOf.</summary>
public sealed class TreasuryChain(ExecutorFixture chain)
{
    private static readonly AbiFunction BalanceOf = AbiFunction.Parse("function balanceOf(address) view returns (uint256)");

    /// <summary>Not the deployer: that is the cluster's executor key, which anchors in the background (one nonce sequence each).</summary>
    public static readonly byte[] Funder = DevAccounts.Keys[3];

    public const string Voter = "0x00000000000000000000000000000000000000a7";

    public async Task<BigInteger> NativeAt(string account, long block) =>
        (await chain.Dev.Eth.GetBalance.SendRequestAsync(account, new BlockParameter(new HexBigInteger(block)))).Value;

    public async Task<IDaoGrain> Dao(string name, string account, string token, string asset = "btk", DaoRoles? roles = null)
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
            Roles = roles ?? new DaoRoles(),
        });
        var voter = chain.Grains.GetGrain<IVoterGrain>(Voter);
        await voter.RecordBalance($"{name}-btk", DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, 10);
        await voter.Delegate($"{name}-btk", Voter);
        return dao;
    }

    public static TreasuryBinding Binding(string account, string token, string asset = "btk") => new()
    {
        Chain = ExecutorFixture.ChainId, Account = account, Assets = [new BoundAsset { Asset = asset, Token = token }],
    };

    /// <summary>A zero-delay TimelockController the cluster's executor proposes and executes on.</summary>
    public async Task<string> Timelock()
    {
        var roles = new[] { DevAccounts.DeployerAddress };
        return (await chain.Dev.DeployAsync("TimelockController", Funder, 0, roles, roles, DevAccounts.DeployerAddress)).Address;
    }

    /// <summary>
    /// Sends with a fixed gas limit: hardhat estimates at a pending block whose timestamp can lag the blocks a fast test has
    /// already mined, where ERC20Votes' checkpoint would refuse to go back in time (a revert the real send never meets).
    /// </summary>
    public async Task<Nethereum.RPC.Eth.DTOs.TransactionReceipt> Succeed(DevContract contract, byte[] key, string function,
        params object?[] arguments)
    {
        var sent = await chain.Dev.Sender(key).SendAsync(contract.Address, contract.Encode(function, arguments), gasLimit: 300_000);
        Assert.True(sent.Succeeded, $"{function}: {sent.Error}");
        return sent.Receipt!;
    }

    public async Task<byte[]> NewHolder(DevContract? btk, BigInteger amount)
    {
        var key = DevAccounts.NewKey();
        await chain.Dev.SetBalance(DevAccounts.AddressOf(key), BigInteger.Pow(10, 21));
        if (btk is not null) await Succeed(btk, Funder, "mint", DevAccounts.AddressOf(key), amount);
        return key;
    }

    /// <summary>Once the watcher has caught up: the DAO's btk is <paramref name="expected"/>, and so is balanceOf at its cursor.</summary>
    public Task AssertMirrored(IDaoGrain dao, string path, string account, string token, BigInteger expected) =>
        AssertMirrored(dao, path, "btk", expected, async block =>
            (BigInteger)(await BalanceOf.CallAtAsync(chain.Dev.Eth, token, new BlockParameter(new HexBigInteger(block)), account))[0]!);

    /// <summary>
    /// Once the watcher has caught up: the DAO's <paramref name="asset"/> is <paramref name="expected"/>, so is the chain's
    /// balance at the watcher's cursor, and so is the sum of the mirror's movements.
    /// </summary>
    public async Task AssertMirrored(IDaoGrain dao, string path, string asset, BigInteger expected, Func<long, Task<BigInteger>> onChainAt)
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
