using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Blocktrack.Storage.Tests;

/// <summary>
/// A ballot shard reads a voter's stored payload as <see cref="VoterPowerState"/>, the token positions alone: it must read
/// exactly what a <see cref="VoterState"/> read of the same payload holds, whatever else the voter saved beside them.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class VoterPowerStateTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(VoterState).Assembly).AddAssembly(typeof(Ballot).Assembly))
        .BuildServiceProvider();

    // As the silo stores grain state (GovernanceStateSerializer).
    private IGrainStorageSerializer Storage => new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>());

    [Fact]
    public void A_voter_with_every_field_saved_reads_the_same_token_positions_and_power()
    {
        var state = Voter(new Random(11), tokens: 3, extras: 40);
        var full = Storage.Deserialize<VoterState>(Storage.Serialize(state))!;
        var power = Storage.Deserialize<VoterPowerState>(Storage.Serialize(state))!;

        Assert.Equal(Bytes(full.Tokens), Bytes(power.Tokens));
        foreach (var token in state.Tokens.Keys.Append("absent"))
            for (var at = 0L; at <= 1_100; at += 50)
            {
                Assert.Equal(VoterReads.VotesAt(full, token, at), VoterReads.VotesAt(power.Tokens, token, at));
                Assert.Equal(VoterReads.DelegationAt(full, token, at), VoterReads.DelegationAt(power.Tokens, token, at));
            }
    }

    [Fact]
    public void Random_voters_read_alike_through_both_types()
    {
        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            var state = Voter(random, tokens: random.Next(0, 4), extras: random.Next(0, 6));
            var payload = Storage.Serialize(state);
            Assert.Equal(Bytes(state.Tokens), Bytes(Storage.Deserialize<VoterPowerState>(payload)!.Tokens));
        }
    }

    [Fact]
    public void A_voter_that_never_held_tokens_reads_no_positions()
    {
        var state = Voter(new Random(3), tokens: 0, extras: 5);
        Assert.Empty(Storage.Deserialize<VoterPowerState>(Storage.Serialize(state))!.Tokens);
    }

    [Fact]
    public void The_read_stops_after_the_token_positions_whatever_follows_them()
    {
        // Skipping a field makes Orleans' reader allocate a marker for it and for each object inside it: a voter with
        // large maps beside its positions cost a ballot a walk of every entry. VoterPowerStateCodec does not walk them.
        var small = Storage.Serialize(Voter(new Random(8), tokens: 2, extras: 0));
        var large = Storage.Serialize(Voter(new Random(8), tokens: 2, extras: 2_000));
        Assert.True(large.ToMemory().Length > 100 * small.ToMemory().Length);
        Storage.Deserialize<VoterPowerState>(large);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var fromSmall = Storage.Deserialize<VoterPowerState>(small)!;
        var smallCost = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var fromLarge = Storage.Deserialize<VoterPowerState>(large)!;
        var largeCost = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Bytes(fromSmall.Tokens), Bytes(fromLarge.Tokens));
        Assert.True(largeCost <= smallCost, $"read of the large voter allocated {largeCost:N0} B, the small one's {smallCost:N0} B");
    }

    private byte[] Bytes(Dictionary<string, TokenPosition> tokens) =>
        _services.GetRequiredService<Serializer<SortedDictionary<string, TokenPosition>>>()
            .SerializeToArray(new SortedDictionary<string, TokenPosition>(tokens, StringComparer.Ordinal));

    /// <summary>A voter with token positions and, beside them, <paramref name="extras"/> entries in every other field.</summary>
    private static VoterState Voter(Random random, int tokens, int extras)
    {
        string Address() => "0x" + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())).PadLeft(40, '0');
        BigInteger Amount() => new BigInteger(random.NextInt64(0, long.MaxValue)) * random.Next(1, 1000);
        var state = new VoterState { NextSequence = random.Next(), AuditCount = random.Next() };
        var delegateTo = Address();
        for (var t = 0; t < tokens; t++)
        {
            var checkpoints = Enumerable.Range(0, random.Next(0, 8)).Select(i => new Checkpoint(100L * (i + 1), Amount())).ToList();
            state.Tokens[$"btk@{412_346 + t}"] = new TokenPosition
            {
                Balance = checkpoints,
                Votes = [.. checkpoints.Select(c => c with { Value = c.Value * 2 })],
                Delegate = t % 2 == 0 ? delegateTo : null,
                ChainVotes = t == 1 ? [new ChainValue(7, 1, 250, Amount()), new ChainValue(9, 0, 600, Amount())] : [],
                DelegateHistory = [new DelegateCheckpoint(150, delegateTo), new DelegateCheckpoint(700, null)],
            };
        }
        for (var i = 0; i < extras; i++)
        {
            // The same address in the fields after Tokens too, as a real voter's outbox names its delegate.
            state.Applied[$"btk|{Address()}"] = random.Next();
            state.Outbox.Add(new VoteTransfer { Sequence = i, Token = "btk", To = delegateTo, Timepoint = i, Delta = Amount() });
            state.UsedMessages["0x" + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64()))] = i;
            state.AuditOutbox.Add(new AuditAct { Cause = $"c{i}", Actor = delegateTo, Act = "delegate", Subject = Address(), Detail = "d" });
            state.PowerReports[$"btk@{i}"] = new PowerFeedReport { Version = i, Power = Amount(), Confirmed = i % 2 == 0 };
        }
        return state;
    }

    public void Dispose() => _services.Dispose();
}
