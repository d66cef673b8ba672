namespace Blocktrack.Grains.Chains;

/// <summary>One mirrored chain (configuration <c>Chains:0:…</c>).</summary>
public sealed class ChainOptions
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Rpc { get; set; } = "";

    /// <summary>Blocks behind head a block must be before it is mirrored.</summary>
    public int Confirmations { get; set; } = 2;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most blocks one eth_getLogs call covers.</summary>
    public int MaxBlockRange { get; set; } = 2_000;

    /// <summary>How many recent block hashes are kept to find the common ancestor after a reorg.</summary>
    public int ReorgWindow { get; set; } = 256;

    /// <summary>ERC20Votes contracts mirrored into voter grains, each under a token id such as <c>btk@412346</c>.</summary>
    public List<MirroredToken> Tokens { get; set; } = [];

    /// <summary>
    /// OpenZeppelin Governors whose proposals, votes and outcomes are mirrored read-only, each under a path such as
    /// <c>onchain/l3</c>.
    /// </summary>
    public List<MirroredGovernor> Governors { get; set; } = [];

    /// <summary>
    /// VotingEscrow contracts whose locks are mirrored into lock and supply grains, each under a token id such as
    /// <c>vebtk@412346</c> (the <c>token</c> of a <c>voteEscrow</c> power source).
    /// </summary>
    public List<MirroredEscrow> Escrows { get; set; } = [];

    /// <summary>How the cluster acts on this chain (on-chain calls, anchoring); unset means it only watches.</summary>
    public ExecutorOptions Executor { get; set; } = new();
}
