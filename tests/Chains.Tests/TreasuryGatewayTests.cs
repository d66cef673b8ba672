using System.Net;
using System.Numerics;
using System.Text.Json;
using static Blocktrack.Chains.Tests.GatewayAnswers;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// An on-chain treasury as an API user meets it: founded with its account, a transfer to the account shown as a deposit,
/// an operator deposit of the bound asset refused (`chain-owned`) with the balance unchanged, an account the executor does
/// not drive refused (`account-not-controlled`), and a ledger treasury that says it has no account.
/// </summary>
[Trait("Category", TestCategory.Chain)]
public sealed class TreasuryGatewayTests(ExecutorFixture f) : IClassFixture<ExecutorFixture>
{
    [Fact]
    public async Task A_dao_holding_btk_on_chain_shows_the_chain_and_refuses_operator_deposits()
    {
        var key = DevAccounts.Keys[2];
        var executor = DevAccounts.AddressOf(key);
        var timelock = await f.Dev.DeployAsync("TimelockController", key, 0, new[] { executor }, new[] { executor }, executor);
        var vault = await f.Dev.DeployAsync("TimelockController", key, 0, new[] { executor }, new[] { executor }, executor);
        var btk = await f.Dev.DeployAsync("BlocktrackToken", key, executor);
        await using var gateway = await ExecutorGateway.StartAsync(f, key, timelock.Address);

        // Addresses as a wallet shows them (checksummed) are taken and stored lower-case.
        Task<HttpResponseMessage> Post(string path, object body) => gateway.Http.SendAsync(ExecutorGateway.Operator(HttpMethod.Post, path, body));
        var founded = await Post("/daos", Founding("held", Checksum(vault.Address), btk.Address));
        var dao = await Json(founded);
        Assert.True(founded.StatusCode == HttpStatusCode.Created, dao.ToString());
        Assert.Equal("onChain", dao.GetProperty("custody").GetString());
        Assert.Equal(vault.Address, dao.GetProperty("onChainTreasury").GetProperty("account").GetString());

        var receipt = await btk.SucceedAsync(key, "mint", vault.Address, (BigInteger)4_200);
        var treasury = await Eventually.Until(async () => await Json(await gateway.Http.GetAsync("/daos/held/treasury")),
            t => t.GetProperty("balances").TryGetProperty("btk", out var b) && b.GetString() == "4200", TimeSpan.FromSeconds(20),
            "the transfer to the account mirrored");
        Assert.Equal("onChain", treasury.GetProperty("custody").GetString());
        var ledger = await Json(await gateway.Http.GetAsync("/daos/held/treasury/ledger?limit=10"));
        var deposit = ledger.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "in");
        Assert.Equal(("4200", receipt.TransactionHash.ToLowerInvariant(), "0x0000000000000000000000000000000000000000"),
            (deposit.GetProperty("amount").GetString(), deposit.GetProperty("transactionHash").GetString(),
                deposit.GetProperty("counterparty").GetString()));

        var refused = await Post("/daos/held/deposits", new { reference = "bank-7", asset = "btk", amount = "1000000" });
        var problem = await Problem(refused, HttpStatusCode.Forbidden, "chain-owned");
        Assert.Contains(vault.Address, problem.GetProperty("detail").GetString());
        var unchanged = await Json(await gateway.Http.GetAsync("/daos/held/treasury"));
        Assert.Equal("4200", unchanged.GetProperty("balances").GetProperty("btk").GetString());

        var others = new[] { btk.Address };
        var stranger = await f.Dev.DeployAsync("TimelockController", key, 0, others, others, btk.Address);
        await Problem(await Post("/daos", Founding("stranger", stranger.Address, btk.Address)), HttpStatusCode.UnprocessableEntity,
            "account-not-controlled");
        await Problem(await Post("/daos", Founding("again", vault.Address, btk.Address)), HttpStatusCode.Conflict, "treasury-account-taken");
        await Problem(await gateway.Http.GetAsync("/daos/stranger"), HttpStatusCode.NotFound, "dao-not-found");

        var ledgerOnly = Founding("ledger-only", vault.Address, btk.Address);
        ((Dictionary<string, object?>)((Dictionary<string, object?>)ledgerOnly["request"]!)["constitution"]!).Remove("onChainTreasury");
        Assert.Equal(HttpStatusCode.Created, (await Post("/daos", ledgerOnly)).StatusCode);
        Assert.Equal("ledger", (await Json(await gateway.Http.GetAsync("/daos/ledger-only/treasury"))).GetProperty("custody").GetString());
        await Problem(await gateway.Http.GetAsync("/daos/ledger-only/treasury/ledger"), HttpStatusCode.NotFound, "no-onchain-treasury");
    }

    private static Dictionary<string, object?> Founding(string path, string account, string token) => new()
    {
        ["path"] = path,
        ["request"] = new Dictionary<string, object?>
        {
            ["displayName"] = path,
            ["constitution"] = new Dictionary<string, object?>
            {
                ["classes"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["name"] = "general", ["allowedActions"] = "all", ["votingPeriod"] = "1.00:00:00",
                        ["powerSource"] = new { kind = "tokenVotes", token = $"{path}-btk" },
                    },
                },
                ["onChainTreasury"] = new { chain = ExecutorFixture.ChainId, account, assets = new[] { new { asset = "btk", token } } },
            },
        },
    };

    private static string Checksum(string address) => Nethereum.Util.AddressUtil.Current.ConvertToChecksumAddress(address);
}
