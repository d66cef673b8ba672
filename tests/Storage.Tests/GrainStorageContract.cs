using Blocktrack.Grains;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Orleans.Storage;

namespace Blocktrack.Storage.Tests;

/// <summary>What every profile's grain storage must do: the etag protects state against stale writers, and clear really clears.</summary>
public abstract class GrainStorageContract(StorageBackend backend)
{
    private const string State = GovernanceStorage.DaoState;

    [Fact]
    public async Task Missing_state_reads_as_a_new_state_without_etag()
    {
        var state = new TestGrainState<DaoState>();
        await backend.GrainStorage.ReadStateAsync(State, Samples.NewGrainId(), state);

        Assert.NotNull(state.State);
        Assert.False(state.State.Created);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Governance_state_round_trips_exactly()
    {
        var id = Samples.NewGrainId();
        var written = new TestGrainState<DaoState> { State = Samples.Dao("roundtrip") };
        await backend.GrainStorage.WriteStateAsync(State, id, written);

        var read = new TestGrainState<DaoState>();
        await backend.GrainStorage.ReadStateAsync(State, id, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        var (expected, actual) = (written.State, read.State);
        Assert.Equal(expected.DisplayName, actual.DisplayName);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.Treasury["btk"], actual.Treasury["btk"]);
        Assert.Equal(expected.Constitutions[0].Classes[0], actual.Constitutions[0].Classes[0]);
        Assert.Equal(expected.Roles.Committee.ToArray(), actual.Roles.Committee.ToArray());
        Assert.Equal(expected.SubDaos.ToArray(), actual.SubDaos.ToArray());
        Assert.Equal(expected.Proposals, actual.Proposals);
        Assert.Equal(expected.Credited, actual.Credited);
    }

    [Fact]
    public async Task Every_write_changes_the_etag()
    {
        var id = Samples.NewGrainId();
        var state = new TestGrainState<DaoState> { State = Samples.Dao("etags") };
        var etags = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            state.State.DisplayName = $"etags {i}";
            await backend.GrainStorage.WriteStateAsync(State, id, state);
            etags.Add(state.ETag);
        }
        Assert.DoesNotContain(null, etags);
        Assert.Equal(3, etags.Distinct().Count());
    }

    [Fact]
    public async Task A_stale_etag_conflicts_and_changes_nothing()
    {
        var id = Samples.NewGrainId();
        var first = new TestGrainState<DaoState> { State = Samples.Dao("first") };
        await backend.GrainStorage.WriteStateAsync(State, id, first);
        var stale = new TestGrainState<DaoState>();
        await backend.GrainStorage.ReadStateAsync(State, id, stale);
        first.State.DisplayName = "second";
        await backend.GrainStorage.WriteStateAsync(State, id, first);

        stale.State.DisplayName = "stale";
        await Assert.ThrowsAsync<InconsistentStateException>(() => backend.GrainStorage.WriteStateAsync(State, id, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => backend.GrainStorage.ClearStateAsync(State, id, stale));
        // A second activation that never read the state may not create it either.
        var blind = new TestGrainState<DaoState> { State = Samples.Dao("blind") };
        await Assert.ThrowsAsync<InconsistentStateException>(() => backend.GrainStorage.WriteStateAsync(State, id, blind));

        var now = new TestGrainState<DaoState>();
        await backend.GrainStorage.ReadStateAsync(State, id, now);
        Assert.Equal("second", now.State.DisplayName);
        Assert.Equal(first.ETag, now.ETag);
    }

    [Fact]
    public async Task Clear_forgets_the_state_and_keeps_the_etag_chain()
    {
        var id = Samples.NewGrainId();
        var state = new TestGrainState<DaoState> { State = Samples.Dao("cleared") };
        await backend.GrainStorage.WriteStateAsync(State, id, state);
        var before = state.ETag;

        await backend.GrainStorage.ClearStateAsync(State, id, state);
        Assert.False(state.RecordExists);
        Assert.False(state.State.Created);
        Assert.NotEqual(before, state.ETag);

        var read = new TestGrainState<DaoState>();
        await backend.GrainStorage.ReadStateAsync(State, id, read);
        Assert.False(read.RecordExists);
        Assert.False(read.State.Created);
        Assert.Equal(state.ETag, read.ETag);

        // The grain carries on writing after a clear, with the etag the clear gave it.
        state.State = Samples.Dao("reborn");
        await backend.GrainStorage.WriteStateAsync(State, id, state);
        await backend.GrainStorage.ReadStateAsync(State, id, read);
        Assert.Equal("reborn", read.State.DisplayName);
    }

    [Fact]
    public async Task Clearing_what_was_never_written_is_a_no_op()
    {
        var state = new TestGrainState<DaoState> { State = new DaoState() };
        await backend.GrainStorage.ClearStateAsync(State, Samples.NewGrainId(), state);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task State_names_and_grains_keep_separate_rows()
    {
        var id = Samples.NewGrainId();
        await backend.GrainStorage.WriteStateAsync(GovernanceStorage.DaoState, id, new TestGrainState<DaoState> { State = Samples.Dao("a") });
        await backend.GrainStorage.WriteStateAsync(GovernanceStorage.ProposalState, id, new TestGrainState<DaoState> { State = Samples.Dao("b") });
        await backend.GrainStorage.WriteStateAsync(GovernanceStorage.DaoState, Samples.NewGrainId(), new TestGrainState<DaoState> { State = Samples.Dao("c") });

        var read = new TestGrainState<DaoState>();
        await backend.GrainStorage.ReadStateAsync(GovernanceStorage.DaoState, id, read);
        Assert.Equal("a", read.State.DisplayName);
        await backend.GrainStorage.ReadStateAsync(GovernanceStorage.ProposalState, id, read);
        Assert.Equal("b", read.State.DisplayName);
    }
}
