namespace Blocktrack.Grains.Interfaces;

/// <summary>The terms of a proposal watch, shared by the proposal (which forgets) and its watchers (which renew).</summary>
public static class ProposalWatch
{
    /// <summary>A watcher not renewed for this long is dropped: a Gateway that went away stops being told.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    /// <summary>Changes inside this window reach watchers as one push: at most five a second, the latest always.</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(200);
}
