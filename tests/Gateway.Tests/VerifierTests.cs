using System.Diagnostics;
using Blocktrack.Verifier;

namespace Blocktrack.Gateway.Tests;

/// <summary>The verify command against a real Gateway: an honest closed proposal verifies, and it says why it cannot run.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class VerifierTests(GatewayFixture gateway)
{
    private static int daos;

    private string Url => gateway.Http.BaseAddress!.ToString();

    private static async Task<(int Exit, string Output)> Verify(params string[] args)
    {
        var output = new StringWriter();
        var exit = await VerifierCommand.RunAsync(args, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    private async Task<(QuickVote Quick, string Id)> Voting()
    {
        var quick = new QuickVote(gateway, $"verify{Interlocked.Increment(ref daos)}");
        await quick.CreateAsync(TestKey.Many("verify-voter", 6).Select((k, i) => (k, 3L + i * 11)).ToDictionary(p => p.k, p => p.Item2));
        var id = await quick.ProposeActive("Verify me");
        await quick.Vote(id, TestKey.Alice, 1, "for the grants round");
        await quick.Vote(id, TestKey.Bob, 0, "too expensive");
        await quick.Vote(id, TestKey.Carol, 2);
        foreach (var (voter, i) in TestKey.Many("verify-voter", 6).Select((k, i) => (k, i))) await quick.Vote(id, voter, i % 2);
        return (quick, id);
    }

    [Fact]
    public async Task An_honest_closed_proposal_verifies_check_by_check()
    {
        var (quick, id) = await Voting();
        await quick.Close(id);

        var (exit, output) = await Verify("verify", Url, id);

        Assert.True(exit == VerifierCommand.Verified, output);
        string[] passed = [Audit.Ballots, Audit.Digests, Audit.Signatures, Audit.Weights, Audit.Recount, Audit.ShardRoots, Audit.SetHash];
        foreach (var check in passed)
            Assert.Contains($"[ok  ] {check}", output);
        Assert.Contains("9/9 ballots re-hash", output);
        Assert.Contains("9/9 signatures recover their voter", output);
        Assert.Contains("for 1108, against 325, abstain 40, 9 voters", output[output.IndexOf("[ok  ] tally", StringComparison.Ordinal)..]);
        Assert.Contains($"[skip] {Audit.Anchor}", output); // no anchor chain in this Gateway
        Assert.Contains("verdict: VERIFIED", output);
    }

    [Theory]
    [InlineData("rankedChoice")]
    [InlineData("weighted")]
    public async Task A_closed_choice_proposal_verifies_through_the_gateway(string counting)
    {
        var quick = new QuickVote(gateway, $"verify{Interlocked.Increment(ref daos)}", counting);
        var voters = TestKey.Many($"verify-{counting}", 5).ToList();
        await quick.CreateAsync(voters.Select((k, i) => (k, 7L + i * 13)).ToDictionary(p => p.k, p => p.Item2));
        var id = await quick.ProposeChoicesActive("Which round?", "lab", "school", "library");
        var ranked = counting == "rankedChoice";
        for (var i = 0; i < voters.Count; i++)
        {
            int[] order = [1 + i % 3, 1 + (i + 1) % 3, 1 + (i + 2) % 3];
            await quick.VoteChoices(id, voters[i], ranked ? order : order[..2], ranked ? [] : [1 + i, 2]);
        }
        await quick.Close(id);

        var (exit, output) = await Verify("verify", Url, id);

        Assert.True(exit == VerifierCommand.Verified, output);
        Assert.Contains("5/5 ballots re-hash", output);
        Assert.Contains("over 3 choices recounted from the ballots", output);
        Assert.Contains("verdict: VERIFIED", output);
    }

    [Fact]
    public async Task The_built_command_exits_0_for_an_honest_proposal_and_3_for_an_unreachable_gateway()
    {
        var (quick, id) = await Voting();
        await quick.Close(id);
        var (ok, okOutput) = await RunBinary("verify", Url, id);
        Assert.True(ok == 0, okOutput);
        Assert.Contains("verdict: VERIFIED", okOutput);

        var (down, downOutput) = await RunBinary("verify", $"http://127.0.0.1:{FreePort.Next()}", id);
        Assert.True(down == VerifierCommand.CouldNotRun, downOutput);
        Assert.Contains("did not answer", downOutput);
    }

    [Fact]
    public async Task A_vote_still_open_cannot_be_verified_yet()
    {
        var (_, id) = await Voting();
        var (exit, output) = await Verify("verify", Url, id);
        Assert.Equal(VerifierCommand.CouldNotRun, exit);
        Assert.Contains("voting has not closed", output);
    }

    [Fact]
    public async Task An_unknown_proposal_is_could_not_run_with_the_gateways_code()
    {
        var (exit, output) = await Verify("verify", Url, "blocktrack/987654");
        Assert.Equal(VerifierCommand.CouldNotRun, exit);
        Assert.Contains("404 proposal-not-found", output);
    }

    [Theory]
    [InlineData]
    [InlineData("verify")]
    [InlineData("verify", "http://127.0.0.1:5080")]
    [InlineData("check", "http://127.0.0.1:5080", "blocktrack/1")]
    [InlineData("verify", "not a url", "blocktrack/1")]
    [InlineData("verify", "ftp://127.0.0.1", "blocktrack/1")]
    [InlineData("verify", "http://127.0.0.1:5080", "Blocktrack/1")]
    [InlineData("verify", "http://127.0.0.1:5080", "blocktrack")]
    public async Task Bad_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        var (exit, output) = await Verify(args);
        Assert.Equal(VerifierCommand.Usage, exit);
        Assert.Contains("usage: verify <gateway-url> <proposal-id>", output);
    }

    private static async Task<(int Exit, string Output)> RunBinary(params string[] args)
    {
        var start = new ProcessStartInfo(AppBinaries.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])[typeof(VerifierCommand).Assembly.Location, .. args]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
