namespace Blocktrack.Chains.Tests;

/// <summary>Locates the repository root (the folder holding Blocktrack.Orleans.sln) from the test binaries.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Blocktrack.Orleans.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Blocktrack.Orleans.sln above {AppContext.BaseDirectory}.");
    }
}
