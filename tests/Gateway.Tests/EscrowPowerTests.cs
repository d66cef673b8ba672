using System.Net;
using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace Blocktrack.Gateway.Tests;

/// <summary>GET /voters/{address}/escrow: a mirrored vote-escrow lock and the power it gives at a timepoint.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class EscrowPowerTests(GatewayFixture gateway)
{
    private const string Owner = "0x00000000000000000000000000000000000e5c0a";
    private const string Escrow = "vebtk@412399";

    [Fact]
    public async Task The_escrow_power_is_the_mirrored_lock_decayed_to_the_timepoint()
    {
        // 3000 BTK (and 12345 wei) locked until the week of 1,800,000,000, as a LockChanged at 1,790,000,000 set it.
        var amount = BigInteger.Parse("3000000000000000012345");
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IEscrowLockGrain>(EscrowKeys.Lock(Escrow, Owner))
            .ApplyChainLocks([new EscrowLockChange(10, 0, 1_790_000_000, new EscrowLock(amount, 1_799_884_800))]);

        var during = await Json.Read(await gateway.Http.GetAsync($"/voters/{Owner}/escrow?escrow={Escrow}&at=1795000000"));
        Assert.Equal(Owner, during.Str("address"));
        Assert.Equal(Escrow, during.Str("escrow"));
        Assert.Equal(1_795_000_000, during.GetProperty("at").GetInt64());
        Assert.Equal("3000000000000000012345", during.Str("amount"));
        Assert.Equal(1_799_884_800, during.GetProperty("unlockTime").GetInt64());
        // ⌊amount / 126,144,000⌋ = 23,782,343,987,823 wei per second, for the 4,884,800 s left.
        Assert.Equal("116171993911717790400", during.Str("power"));

        var before = await Json.Read(await gateway.Http.GetAsync($"/voters/{Owner}/escrow?escrow={Escrow}&at=1789999999"));
        Assert.Equal("0", before.Str("amount"));
        Assert.Equal("0", before.Str("power"));
        var expired = await Json.Read(await gateway.Http.GetAsync($"/voters/{Owner}/escrow?escrow={Escrow}&at=1799884800"));
        Assert.Equal("3000000000000000012345", expired.Str("amount"));
        Assert.Equal("0", expired.Str("power"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?escrow=VeBTK@412346")]
    [InlineData("?escrow=vebtk@412346&at=-5")]
    public async Task A_missing_or_malformed_escrow_or_timepoint_is_invalid_argument(string query) =>
        await ProblemAssert.Is(await gateway.Http.GetAsync($"/voters/{Owner}/escrow{query}"), HttpStatusCode.BadRequest, "invalid-argument");
}
