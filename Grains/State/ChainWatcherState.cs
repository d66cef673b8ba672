namespace Blocktrack.Grains.State;

/// <summary>Persisted cursor of a chain watcher, with the recent block hashes and whom each recent block touched.</summary>
[GenerateSerializer, Alias("bt.ChainWatcherState")]
public sealed class ChainWatcherState
{
    /// <summary>The last block fully mirrored; -1 before the first poll.</summary>
    [Id(0)] public long Cursor { get; set; } = -1;
    [Id(1)] public long CursorTimestamp { get; set; }

    /// <summary>(number, hash) of recently mirrored blocks, oldest first, to find the common ancestor after a reorg.</summary>
    [Id(2)] public List<BlockRef> Recent { get; set; } = [];

    /// <summary>Voters (and tokens) whose mirrored votes changed in recent blocks, so a reorg knows whom to roll back.</summary>
    [Id(3)] public List<TouchedVoter> Touched { get; set; } = [];
    [Id(4)] public long LogsApplied { get; set; }
    [Id(5)] public int Reorgs { get; set; }

    /// <summary>Set once the window dropped old blocks: from then on a reorg below the window cannot be followed.</summary>
    [Id(6)] public bool WindowTrimmed { get; set; }

    /// <summary>Participants whose badge mints were mirrored in recent blocks (kept like <see cref="Touched"/>).</summary>
    [Id(7)] public List<TouchedParticipant> Badged { get; set; } = [];

    /// <summary>Audit acts (reorg rollbacks) saved with the rollback and not yet in the audit log.</summary>
    [Id(8)] public List<Interfaces.AuditAct> AuditOutbox { get; set; } = [];
}
