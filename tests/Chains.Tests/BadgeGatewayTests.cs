using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Blocktrack.Chain;
using Blocktrack.Gateway;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        await using var gateway = await StartGateway(key, timelock.Address, badges.Address);

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

    private async Task<GatewayHost> StartGateway(byte[] key, string timelock, string badges)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Orleans:Profile"] = "memory",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Gateway:OperatorApiKey"] = "badges-test-key",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Chains:0:Id"] = ExecutorFixture.ChainId.ToString(CultureInfo.InvariantCulture),
            ["Chains:0:Name"] = "l3",
            ["Chains:0:Rpc"] = f.Endpoint.ToString(),
            ["Chains:0:Confirmations"] = "0",
            ["Chains:0:PollInterval"] = "00:00:00.100",
            ["Chains:0:Executor:Timelock"] = timelock,
            ["Chains:0:Executor:Badges"] = badges,
            ["Chains:0:Executor:PrivateKey"] = Hex.ToHex(key),
        };
        var app = GatewayApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        return new GatewayHost(app);
    }

    private sealed class GatewayHost(WebApplication app) : IAsyncDisposable
    {
        public HttpClient Http { get; } = new() { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };

        public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
