using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Storage.Tests;

/// <summary>Writes a voter's balance and self-delegation (voter and token-supply state) and checks they are still there later.</summary>
public sealed class VoterProbe
{
    private const string Token = "btk";
    private static readonly BigInteger Balance = BigInteger.Pow(10, 24) + 600;

    public string Voter { get; } = Samples.Address(Random.Shared.Next(1, int.MaxValue));

    public async Task WriteAsync(IGrainFactory grains)
    {
        var grain = grains.GetGrain<IVoterGrain>(Voter);
        await grain.RecordBalance(Token, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Balance);
        await grain.Delegate(Token, Voter);
    }

    public async Task AssertStillThereAsync(IGrainFactory grains)
    {
        var info = await grains.GetGrain<IVoterGrain>(Voter).GetInfo(Token);
        Assert.Equal(Balance, info.Balance);
        Assert.Equal(Voter, info.Delegate);
        Assert.Equal(Balance, info.Votes);
    }
}
