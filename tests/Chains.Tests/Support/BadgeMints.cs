using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>Mints badges the way the participant grain does: MintCalls through the executor's timelock batch.</summary>
public static class BadgeMints
{
    public static Task<OnChainOutcome> Mint(this ExecutorFixture f, string dao, string badge, string to, string? operation = null) =>
        f.MintAll([(dao, badge, to)], operation ?? $"badge:{dao}/{badge}/{to}");

    public static async Task<OnChainOutcome> MintAll(this ExecutorFixture f, IEnumerable<(string Dao, string Badge, string To)> badges,
        string operation)
    {
        var (chain, contract) = f.Executor.BadgeContract ?? throw new InvalidOperationException("no badge contract configured");
        OnChainCall[] calls = [.. badges.Select(b => BadgeContract.MintCall(chain, contract, b.Dao, b.Badge, b.To))];
        return await f.Executor.ExecuteBatch(chain, calls, operation);
    }

    /// <summary>The executeBatch transaction of a successful outcome.</summary>
    public static string Executed(this OnChainOutcome outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Transactions.Single(t => t.Purpose == "executeBatch").Hash!;
    }

    public static string NewAddress() => DevAccounts.AddressOf(DevAccounts.NewKey());
}
