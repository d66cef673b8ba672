using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// A badge earned by a DAO's rule, as a user sees it: through the Gateway's participation endpoint, equal to what the
/// badge contract holds. The Gateway runs as the README's main command does (a co-hosted silo) with an executor of its own.
/// </summary>
[Collection(BadgeCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class BadgeGatewayTests(ExecutorFixture f)
{
    [Fact]
    public async Task A_badge_minted_for_a_rule_is_shown_by_the_gateway_as_the_contract_holds_it()
    {
        // Its own executor account, timelock and badge contract: no nonce shared with the fixture's cluster.
        var key = DevAccounts.Keys[1];
        var executor = DevAccounts.AddressOf(key);
        var timelock = await f.Dev.DeployAsync("TimelockController", key, 0, new[] { executor }, new[] { executor }, executor);
        var badges = await f.Dev.DeployAsync("BlocktrackBadges", key, timelock.Address);
        await using var gateway = await ExecutorGateway.StartAsync(f, key, timelock.Address, badges.Address);

        const string dao = "gateway-badges";
        var holder = BadgeMints.NewAddress();
        var rule = new BadgeRule { Id = "first-ballot", Name = "First ballot", Kind = BadgeKind.Ballots, Threshold = 1 };
        var cls = new ProposalClass
        {
            Name = "standard", QuorumBps = 0, VotingPeriod = TimeSpan.FromMinutes(5), PowerSource = PowerSource.TokenVotes("btk"),
            AllowedActions = ActionKinds.All,
        };
        await gateway.Grains.GetGrain<IDaoGrain>(dao).CreateRoot(new CreateDaoRequest
        {
            DisplayName = dao, Treasury = ImmutableDictionary<string, BigInteger>.Empty,
            Constitution = new Constitution { Classes = [cls], Participation = new ParticipationRules { Badges = [rule] } },
        });
        await gateway.Grains.GetGrain<IParticipantGrain>(Names.ParticipantKey(dao, holder)).Record(new ParticipantFact
        {
            Kind = ParticipantFactKind.Voted, Cause = $"vote:{dao}/1", ClosedIndex = 1, Points = 1,
        });

        var badge = await Eventually.Until(async () =>
        {
            var view = JsonDocument.Parse(await gateway.Http.GetStringAsync($"/voters/{holder}/participation?dao={dao}")).RootElement;
            return view.GetProperty("badges").EnumerateArray().ToList();
        }, list => list.Count == 1 && list[0].GetProperty("mintedBlock").ValueKind == JsonValueKind.Number,
            TimeSpan.FromSeconds(30), "badge minted and mirrored");

        var shown = badge[0];
        var id = BadgeContract.TokenId(dao, "first-ballot", holder);
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), shown.GetProperty("tokenId").GetString());
        Assert.Equal(("first-ballot", "First ballot", ExecutorFixture.ChainId),
            (shown.GetProperty("badge").GetString(), shown.GetProperty("name").GetString(), shown.GetProperty("chain").GetInt64()));
        Assert.Equal(holder, (await badges.CallAsync<string>("ownerOf", id)).ToLowerInvariant());
        Assert.Equal(BigInteger.One, await badges.CallAsync<BigInteger>("balanceOf", holder));
        var receipt = await f.Dev.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(shown.GetProperty("mintTransaction").GetString());
        Assert.Equal((long)receipt.BlockNumber.Value, shown.GetProperty("mintedBlock").GetInt64());
        Assert.True(await badges.CallAsync<bool>("locked", id));
    }
}
