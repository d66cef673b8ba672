namespace Blocktrack.Gateway.Tests;

/// <summary>The repository root (the folder holding Blocktrack.Orleans.sln), found from the test binaries.</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Blocktrack.Orleans.sln")))
                return directory.FullName;
        }
        throw new DirectoryNotFoundException("Blocktrack.Orleans.sln not found above the test binaries.");
    });

    public static string Path => Root.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
