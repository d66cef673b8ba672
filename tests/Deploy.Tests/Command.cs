using System.Diagnostics;

namespace Blocktrack.Deploy.Tests;

/// <summary>A command run to its end with a time limit: exit code and both outputs, for tools the tests drive.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public CommandResult Succeeded(string what) =>
        ExitCode == 0 ? this : throw new Xunit.Sdk.XunitException($"{what} exited {ExitCode}:\n{Error}\n{Output}");
}

public static class Command
{
    public static async Task<CommandResult> Run(string file, IEnumerable<string> arguments, string? input = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? RepoRoot.Path,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }
        return new CommandResult(process.ExitCode, await output, await error);
    }
}
