namespace Blocktrack.Grains.Chains;

/// <summary>The account through which the cluster acts on a chain: its TimelockController, its anchor, and its key.</summary>
public sealed class ExecutorOptions
{
    /// <summary>
    /// TimelockController the cluster schedules and executes on-chain calls through (it holds PROPOSER and EXECUTOR roles).
    /// </summary>
    public string Timelock { get; set; } = "";

    /// <summary>GovernanceAnchor where final results and constitution hashes are published (empty: none).</summary>
    public string Anchor { get; set; } = "";

    /// <summary>
    /// BlocktrackBadges contract (owned by <see cref="Timelock"/>) that soulbound badges are minted on (empty: none); the
    /// chain's watcher mirrors its mints back to the participants, with or without a key.
    /// </summary>
    public string Badges { get; set; } = "";

    /// <summary>The executor's private key (0x hex); read from configuration or a secret store, never logged.</summary>
    public string PrivateKey { get; set; } = "";

    public bool CanExecute => Timelock.Length > 0 && PrivateKey.Length > 0;
    public bool CanMintBadges => Badges.Length > 0 && CanExecute;
    public bool CanAnchor => Anchor.Length > 0 && PrivateKey.Length > 0;
}
