namespace Blocktrack.Grains.Interfaces;

/// <summary>Roles a DAO grants to addresses.</summary>
public enum DaoRole
{
    /// <summary>Manages a (sub-)DAO: may add and remove committee members.</summary>
    Coordinator = 0,
    /// <summary>Member of the DAO's committee (e.g. the grants committee).</summary>
    Committee = 1,
    /// <summary>May veto queued proposals of this DAO and of every DAO below it.</summary>
    Guardian = 2,
    /// <summary>May hide (and restore) the DAO's proposals and ballot reasons from listings; never changes a tally.</summary>
    Moderator = 3,
}
