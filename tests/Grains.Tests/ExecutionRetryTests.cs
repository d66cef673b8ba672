using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// An execution that throws (the node timed out, the database dropped the connection: not a revert, which is a result)
/// is tried again by the proposal itself within seconds, and the proposal executes once; it does not stay queued until
/// someone calls Execute or the activation is collected.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ExecutionRetryTests : IAsyncLifetime
{
    private static readonly string Alice = DaoScenario.Address(0xa1);
    private const long Chain = 412346;
    private const string Target = "0x00000000000000000000000000000000000c0de1";

    private readonly DurableFakeClockCluster _world = new();

    public Task InitializeAsync() => _world.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task An_execution_that_throws_is_retried_by_the_proposal_and_executes_once()
    {
        var s = new DaoScenario(_world, "exec-retry");
        await s.Create();
        await s.Fund(Alice, 1000);
        var p = await s.Propose(Alice, "constitutional", new OnChainCall(Chain, Target, 0, "0x12345678"));
        await s.OpenVoting(p.Id);
        await s.Vote(p.Id, Alice, Support.For);
        await s.CloseVoting(p.Id);
        var queued = await s.WaitFor(p.Id, ProposalState.Queued);

        _world.Executor.ThrowTimes = 1;
        s.Advance(queued.Eta!.Value - DateTimeOffset.FromUnixTimeSeconds(s.Now));
        // The retry comes a few seconds later on the grains' clock; the wait moves it on.
        var executed = await _world.Until(() => s.Proposal(p.Id).GetInfo(),
            i => i.State == ProposalState.Executed || i.ExecutionError is not null, what: "executed after the throw");

        Assert.Equal(ProposalState.Executed, executed.State);
        Assert.Null(executed.ExecutionError);
        Assert.Equal(2, _world.Executor.Attempts);
        Assert.Equal(RecordingExecutor.HashOf(p.Id), Assert.Single(executed.Transactions).Hash);
        Assert.Single(_world.Executor.Executed);
    }
}
