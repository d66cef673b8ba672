namespace Blocktrack.Tests.Support;

/// <summary>The repository root (the folder holding Blocktrack.Orleans.sln), found from the running binaries.</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Blocktrack.Orleans.sln")))
                return directory.FullName;
        }
        throw new DirectoryNotFoundException($"Blocktrack.Orleans.sln not found above {AppContext.BaseDirectory}.");
    });

    public static string Path => Root.Value;

    /// <summary>A path below the root: <c>RepoRoot.File("deploy", "devchain")</c>.</summary>
    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
