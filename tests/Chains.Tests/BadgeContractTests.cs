using System.Numerics;
using System.Text;
using System.Text.Json;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
using Blocktrack.Grains.Chains;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// BlocktrackBadges on a real chain, minted through the executor's timelock as the cluster mints: only the timelock
/// mints, once per (dao, badge, holder), under the id <see cref="BadgeContract.TokenId"/> computes; badges never move.
/// </summary>
[Collection(BadgeCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class BadgeContractTests(ExecutorFixture f)
{
    private const string Other = "0x00000000000000000000000000000000000000b1";

    [Fact]
    public async Task Only_the_timelock_mints_a_badge_once_and_it_never_moves()
    {
        var key = DevAccounts.NewKey();
        await f.Dev.SetBalance(DevAccounts.AddressOf(key), BigInteger.Pow(10, 20));
        var holder = DevAccounts.AddressOf(key);
        const string dao = "blocktrack/grants", badge = "first-ballot";
        var id = BadgeContract.TokenId(dao, badge, holder);

        // The executor's own account (the timelock's admin and proposer) may not mint around the timelock.
        Assert.StartsWith("OwnableUnauthorizedAccount(", await f.Badges.RevertOf("mint", DevAccounts.DeployerAddress, holder, dao, badge));
        Assert.False((await f.Badges.SendAsync(DevAccounts.Deployer, "mint", holder, dao, badge)).Succeeded);

        var receipt = await f.Dev.Eth.Transactions.GetTransactionReceipt.SendRequestAsync((await f.Mint(dao, badge, holder)).Executed());
        Assert.Equal(new[] { "Transfer", "Locked", "BadgeMinted" }, f.Badges.DecodeLogs(receipt).Select(e => e.Name));
        Assert.Equal(id, await f.Badges.CallAsync<BigInteger>("tokenIdOf", dao, badge, holder));
        Assert.Equal(holder, (await f.Badges.CallAsync<string>("ownerOf", id)).ToLowerInvariant());
        Assert.Equal(BigInteger.One, await f.Badges.CallAsync<BigInteger>("balanceOf", holder));
        Assert.True(await f.Badges.CallAsync<bool>("locked", id));

        // Every way of moving or approving it reverts, for the holder too.
        Assert.Equal($"Soulbound({id})", await f.Badges.RevertOf("transferFrom", holder, holder, Other, id));
        foreach (var signature in new[] { "safeTransferFrom(address,address,uint256)", "safeTransferFrom(address,address,uint256,bytes)" })
        {
            var fn = AbiFunction.Parse(signature);
            object?[] args = fn.Definition.InputParameters.Length == 3 ? [holder, Other, id] : [holder, Other, id, Array.Empty<byte>()];
            Assert.False((await f.Dev.Sender(key).SendAsync(f.Badges.Address, fn.EncodeCall(args), 200_000)).Succeeded, signature);
        }
        Assert.False((await f.Badges.SendAsync(key, "transferFrom", holder, Other, id)).Succeeded);
        Assert.Equal("ApprovalsDisabled()", await f.Badges.RevertOf("approve", holder, Other, id));
        Assert.Equal("ApprovalsDisabled()", await f.Badges.RevertOf("setApprovalForAll", holder, Other, true));
        Assert.Equal(holder, (await f.Badges.CallAsync<string>("ownerOf", id)).ToLowerInvariant());

        // A second mint of the same badge to the same holder reverts (as another operation, so the timelock runs it).
        Assert.Equal($"BadgeAlreadyMinted({id})", await f.Badges.RevertOf("mint", f.Timelock, holder, dao, badge));
        Assert.False((await f.Mint(dao, badge, holder, operation: $"again:{Guid.NewGuid()}")).Succeeded);
        // The same operation again is the executor's retry: already done, nothing sent.
        var retry = await f.Mint(dao, badge, holder);
        Assert.True(retry.Succeeded, retry.Error);
        Assert.Empty(retry.Transactions);
        Assert.Equal(BigInteger.One, await f.Badges.CallAsync<BigInteger>("balanceOf", holder));
    }

    [Fact]
    public async Task Token_uri_is_json_naming_the_badge_and_the_dao_and_erc_5192_is_announced()
    {
        var holder = BadgeMints.NewAddress();
        var id = BadgeContract.TokenId("blocktrack", "ten-ballots", holder);
        (await f.Mint("blocktrack", "ten-ballots", holder)).Executed();

        const string prefix = "data:application/json;base64,";
        var uri = await f.Badges.CallAsync<string>("tokenURI", id);
        Assert.StartsWith(prefix, uri);
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(uri[prefix.Length..])));
        var name = json.RootElement.GetProperty("name").GetString()!;
        Assert.Contains("ten-ballots", name);
        Assert.Contains("blocktrack", name);
        var traits = json.RootElement.GetProperty("attributes").EnumerateArray()
            .ToDictionary(a => a.GetProperty("trait_type").GetString()!, a => a.GetProperty("value").GetString());
        Assert.Equal("blocktrack", traits["dao"]);
        Assert.Equal("ten-ballots", traits["badge"]);
        Assert.Equal(new[] { "blocktrack", "ten-ballots" }, (await f.Badges.CallAllAsync("badgeOf", id)).Cast<string>());

        // ERC-5192 (locked), ERC-721, its metadata extension and ERC-165; nothing else.
        foreach (var (interfaceId, expected) in new[] { ("0xb45a3c0e", true), ("0x80ac58cd", true), ("0x5b5e139f", true),
                     ("0x01ffc9a7", true), ("0xffffffff", false), ("0x780e9d63", false) })
            Assert.True(expected == await f.Badges.CallAsync<bool>("supportsInterface", Hex.Parse(interfaceId)), interfaceId);
        var never = BadgeContract.TokenId("blocktrack", "never-minted", holder);
        Assert.Equal($"ERC721NonexistentToken({never})", await f.Badges.RevertOf("locked", holder, never));
    }

    [Theory]
    [InlineData("blocktrack", "first-ballot", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8")]
    [InlineData("blocktrack/grants/sdg-4", "top-participant", "0x0000000000000000000000000000000000000001")]
    [InlineData("", "", "0x0000000000000000000000000000000000000000")]
    [InlineData("a-dao-path-longer-than-thirty-two-bytes/with/segments", "ünïcode-badge ✓", "0xffffffffffffffffffffffffffffffffffffffff")]
    public async Task Token_ids_computed_by_the_cluster_equal_the_contracts(string dao, string badge, string holder) =>
        Assert.Equal(await f.Badges.CallAsync<BigInteger>("tokenIdOf", dao, badge, holder), BadgeContract.TokenId(dao, badge, holder));
}
