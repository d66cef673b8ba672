using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// Retiring the operator's configuration of chains: the chains a DAO's power comes from are pinned as configured then,
/// and a watcher whose running configuration differs from its pin refuses to mirror, saying why.
/// </summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ChainPinTests(FakeClockClusterFixture fixture)
{
    private IClusterCharterGrain Charter => fixture.Grains.GetGrain<IClusterCharterGrain>(0);

    private static string FingerprintOf(long chain) => ChainFingerprint.Of(new FakeChains().Options().Single(c => c.Id == chain));

    [Fact]
    public async Task A_dao_retiring_chain_configuration_pins_the_chains_its_power_comes_from_as_they_are()
    {
        var cls = new ProposalClass
        {
            Name = "chain", VotingPeriod = TimeSpan.FromDays(1), AllowedActions = ActionKinds.All,
            PowerSource = PowerSource.TokenVotes(FakeChains.TokenOf(FakeChains.WatcherChain)),
        };
        await fixture.Grains.GetGrain<IDaoGrain>("pinning").CreateRoot(new CreateDaoRequest
        {
            DisplayName = "pinning",
            Constitution = new Constitution { Classes = [cls], RetiredOperatorCapabilities = OperatorCapability.ConfigureChains },
        });
        var pin = await Charter.PinOf(FakeChains.WatcherChain);
        Assert.NotNull(pin);
        Assert.Equal(FingerprintOf(FakeChains.WatcherChain), pin.Fingerprint);
        Assert.Contains("pinning", pin.PinnedBy);
        Assert.Null(await Charter.PinOf(FakeChains.CrossChain)); // not a chain its power comes from
        // The same configuration runs on: no refusal.
        var status = await fixture.Grains.GetGrain<IChainWatcherGrain>(FakeChains.WatcherChain).Poll();
        Assert.DoesNotContain("operator-retired", status.LastError ?? "");
    }

    [Fact]
    public async Task A_watcher_whose_configuration_differs_from_its_pin_refuses_to_mirror()
    {
        var chain = fixture.Chains[FakeChains.PinnedChain];
        var watcher = fixture.Grains.GetGrain<IChainWatcherGrain>(FakeChains.PinnedChain);
        for (var i = 0; i < 4; i++) chain.Mine();
        var before = await watcher.Poll();
        Assert.True(before.Healthy, before.LastError);

        // As if the token's address had been changed in configuration after the pin.
        await Charter.PinChain("pinner", FakeChains.PinnedChain, "sha256:" + new string('0', 64));
        for (var i = 0; i < 4; i++) chain.Mine();
        var after = await watcher.Poll();
        Assert.False(after.Healthy);
        Assert.StartsWith("operator-retired: 'pinner' retired configuring chain 9005", after.LastError);
        Assert.Equal(before.Cursor, after.Cursor);
        // A second DAO pinning it keeps the first configuration.
        await Charter.PinChain("second", FakeChains.PinnedChain, FingerprintOf(FakeChains.PinnedChain));
        Assert.Equal(["pinner", "second"], (await Charter.PinOf(FakeChains.PinnedChain))!.PinnedBy.ToArray());
        Assert.False((await watcher.Poll()).Healthy);
    }
}
