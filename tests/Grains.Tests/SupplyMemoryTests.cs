using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// The votable supply and a delegate of many stay the size of the changes in flight: each voter's transfer applies
/// once, and its sequence is forgotten once the voter has durably dropped it — read back from storage, not memory.
/// </summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class SupplyMemoryTests(FakeClockClusterFixture fixture)
{
    private long Now => fixture.Clock.GetUtcNow().ToUnixTimeSeconds();

    private ITokenSupplyGrain Supply(string token) => fixture.Grains.GetGrain<ITokenSupplyGrain>(token);

    [Fact]
    public async Task Supply_applies_each_change_once_and_forgets_every_voter_once_it_is_delivered()
    {
        const string token = "feedonce";
        var voters = Enumerable.Range(0, 64).Select(i => DaoScenario.Address(0x5e000 + i)).ToList();
        var expected = await FundAll(token, voters, 10, v => v);

        // Forgets ride on the next write, or the one at deactivation: the last ones in arrive after the last change's write.
        var stored = await Eventually.Until(async () =>
        {
            await fixture.Cluster.DeactivateAsync(Supply(token));
            return await Stored<TokenSupplyState>(GovernanceStorage.TokenSupplyState, Supply(token));
        }, s => s.Applied.Count == 0, what: "every voter forgotten by the stored supply");
        Assert.Equal(expected, await Supply(token).GetVotable(Now)); // reloaded from that state
        Assert.Equal(expected, Blocktrack.Grains.Governance.CheckpointHistory.Latest(stored.Votable));
    }

    [Fact]
    public async Task A_redelivered_change_applies_once_until_its_source_forgets_it()
    {
        const string token = "redeliver";
        var source = DaoScenario.Address(0x5e100);
        var at = Now;
        await Supply(token).Adjust(source, 1, at, 5);
        await Supply(token).Adjust(source, 1, at, 5);
        await fixture.Cluster.DeactivateAsync(Supply(token));
        await Supply(token).Adjust(source, 1, at, 5); // after a reload too
        Assert.Equal(5, await Supply(token).GetVotable(at));

        await Supply(token).Forget(source, 1);
        await Supply(token).Adjust(source, 2, at, 7);
        await Supply(token).Adjust(source, 2, at, 7);
        Assert.Equal(12, await Supply(token).GetVotable(at));
        // An old forget never drops a newer sequence.
        await Supply(token).Forget(source, 1);
        await Supply(token).Adjust(source, 2, at, 7);
        Assert.Equal(12, await Supply(token).GetVotable(at));
    }

    [Fact]
    public async Task A_delegate_of_many_counts_each_delegator_once_and_keeps_none_of_their_sequences()
    {
        const string token = "manydelegators";
        var delegatee = DaoScenario.Address(0x5e200);
        var delegators = Enumerable.Range(1, 40).Select(i => DaoScenario.Address(0x5e200 + i)).ToList();
        var expected = await FundAll(token, delegators, 100, _ => delegatee);
        var grain = fixture.Grains.GetGrain<IVoterGrain>(delegatee);
        Assert.Equal(expected, await grain.GetVotes(token, Now));

        // Forgetting rides on the delegate's next save: one more change of its own writes the emptied memory.
        await Eventually.Until(async () =>
        {
            await grain.RecordBalance(token, Now, 1);
            await grain.RecordBalance(token, Now, 0);
            return await Stored<VoterState>(GovernanceStorage.VoterState, grain);
        }, s => s.Applied.Count == 0, what: "every delegator forgotten by the stored delegate");
        Assert.Equal(expected, await grain.GetVotes(token, Now));
    }

    /// <summary>Voter i gets balance <paramref name="first"/> + i and delegates it, all at once; returns the sum.</summary>
    private async Task<BigInteger> FundAll(string token, List<string> voters, int first, Func<string, string> delegatee)
    {
        var at = Now;
        await Task.WhenAll(voters.Select(async (v, i) =>
        {
            var voter = fixture.Grains.GetGrain<IVoterGrain>(v);
            await voter.RecordBalance(token, at, first + i);
            await voter.Delegate(token, delegatee(v));
        }));
        return voters.Select((_, i) => new BigInteger(first + i)).Aggregate(BigInteger.Add);
    }

    private async Task<T> Stored<T>(string stateName, IAddressable grain) where T : new()
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GovernanceStorage.Name);
        var state = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grain.GetGrainId(), state);
        return state.State ?? new T();
    }
}
