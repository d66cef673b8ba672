namespace Blocktrack.Chain.Tests;

/// <summary>The committed artifacts are exactly what build.mjs makes of the contracts (outside the Hardhat collection,
/// so the seconds of compiling overlap with the chain tests).</summary>
[Trait("Category", TestCategory.Chain)]
public sealed class DevchainArtifactTests
{
    [Fact]
    public async Task Committed_artifacts_are_what_the_pinned_compiler_makes_of_the_contracts()
    {
        var (exitCode, output) = await NodeScript.RunInDevchainAsync("build.mjs", TimeSpan.FromSeconds(60), "--check");
        Assert.True(exitCode == 0, $"artifacts are stale; run `node build.mjs` in deploy/devchain:\n{output}");
        foreach (var name in new[] { "BlocktrackToken", "BlocktrackGovernor", "TimelockController", "Counter", "GovernanceAnchor",
                     "VotingEscrow", "BlocktrackBadges" })
            Assert.Contains($"ok    {name}", output);
    }
}
