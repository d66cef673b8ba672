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
        var (s, p, eta) = await Queued("exec-retry");

        _world.Executor.ThrowTimes = 1;
        s.Advance(eta - DateTimeOffset.FromUnixTimeSeconds(s.Now));
        // The retry comes a few seconds later on the grains' clock; the wait moves it on.
        var executed = await _world.Until(() => s.Proposal(p).GetInfo(),
            i => i.State == ProposalState.Executed || i.ExecutionError is not null, what: "executed after the throw");

        AssertExecutedOnce(executed, p);
    }

    /// <summary>
    /// After a restart only the reminder wakes the proposal at its eta (nothing reads it here, which would activate it):
    /// an execution that throws there is retried as well. CI once lost that race to the reminder (2026-12-04): the
    /// reminder's path did not retry.
    /// </summary>
    [Fact]
    public async Task An_execution_that_throws_when_the_reminder_wakes_the_proposal_is_retried()
    {
        var (s, p, eta) = await Queued("exec-retry-reminder");
        await _world.RestartAsync();

        _world.Executor.ThrowTimes = 1;
        s.Advance(eta - DateTimeOffset.FromUnixTimeSeconds(s.Now));
        await _world.Until(() => Task.FromResult(_world.Executor.Attempts * 100 + _world.Executor.Executed.Count), n => n % 100 > 0, what: "executed after the throw");

        // The batch is sent; the proposal saves its outcome a moment later (a read now may interleave and see it queued).
        var executed = await _world.Until(() => s.Proposal(p).GetInfo(), i => i.State == ProposalState.Executed, what: "executed");

        AssertExecutedOnce(executed, p);
    }

    /// <summary>
    /// A queued proposal first activated past its eta (after a restart, by a read) answers at once and executes: it used to
    /// execute inside its activation, and the DAO's question back to it waited for that activation, 30 s and a timeout.
    /// </summary>
    [Fact]
    public async Task A_proposal_activated_past_its_eta_answers_and_executes()
    {
        var (s, p, eta) = await Queued("exec-on-activation");
        await _world.RestartAsync();

        s.Advance(eta - DateTimeOffset.FromUnixTimeSeconds(s.Now) + TimeSpan.FromMinutes(1));
        var read = await s.Proposal(p).GetInfo().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(ProposalState.Queued, read.State);
        var executed = await _world.Until(() => s.Proposal(p).GetInfo(), i => i.State == ProposalState.Executed, what: "executed");

        Assert.Null(executed.ExecutionError);
        Assert.Equal(1, _world.Executor.Attempts);
        Assert.Single(_world.Executor.Executed);
    }

    private async Task<(DaoScenario Scenario, string Proposal, DateTimeOffset Eta)> Queued(string dao)
    {
        var s = new DaoScenario(_world, dao);
        await s.Create();
        await s.Fund(Alice, 1000);
        var p = await s.Propose(Alice, "constitutional", new OnChainCall(Chain, Target, 0, "0x12345678"));
        await s.OpenVoting(p.Id);
        await s.Vote(p.Id, Alice, Support.For);
        await s.CloseVoting(p.Id);
        var queued = await s.WaitFor(p.Id, ProposalState.Queued);
        return (s, p.Id, queued.Eta!.Value);
    }

    private void AssertExecutedOnce(ProposalInfo executed, string proposal)
    {
        Assert.Equal(ProposalState.Executed, executed.State);
        Assert.Null(executed.ExecutionError);
        Assert.Equal(2, _world.Executor.Attempts);
        Assert.Equal(RecordingExecutor.HashOf(proposal), Assert.Single(executed.Transactions).Hash);
        Assert.Single(_world.Executor.Executed);
    }
}
