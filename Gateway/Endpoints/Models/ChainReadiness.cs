namespace Blocktrack.Gateway;

/// <summary>One chain's line in a readiness answer.</summary>
public sealed record ChainReadiness(long ChainId, string Name, bool Healthy, long LagBlocks, string? Problem)
{
    public static ChainReadiness Of(ChainView view) =>
        new(view.ChainId, view.Name, view.Healthy, view.Watcher?.LagBlocks ?? 0, view.Problem);
}
