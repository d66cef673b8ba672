using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>
/// What an executed proposal or a moderation asks of other grains (sub-DAOs, personhood entries, the participation
/// ledger), delivered after the DAO has saved its own change.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.DaoEffect")]
public sealed record DaoEffect
{
    [Id(0)] public string ProposalId { get; init; } = "";
    [Id(1)] public int ActionIndex { get; init; }
    [Id(2)] public string Target { get; init; } = "";

    /// <summary>Set for a sub-DAO to create.</summary>
    [Id(3)] public CreateSubDao? Create { get; init; }

    /// <summary>Set for a budget to credit: asset and amount.</summary>
    [Id(4)] public string? Asset { get; init; }
    [Id(5)] public BigInteger Amount { get; init; }

    /// <summary>Set for a personhood change; <see cref="Target"/> is then the registry entry's key (<c>{dao}/{address}</c>).</summary>
    [Id(6)] public SetPersonhood? Personhood { get; init; }

    /// <summary>Set for a moderation act to hand to the DAO's participation ledger (its appeal window starts).</summary>
    [Id(7)] public ModerationAction? Moderation { get; init; }

    /// <summary>Set for a token whose operator balance feed this DAO retires; <see cref="Target"/> is the token id.</summary>
    [Id(8)] public bool RetireOperatorFeed { get; init; }

    /// <summary>Set when a root DAO retires founding root DAOs for the cluster.</summary>
    [Id(9)] public bool RetireRootFounding { get; init; }

    /// <summary>Set for a chain to pin (<see cref="Target"/> is its id): the DAO retired configuring its chains.</summary>
    [Id(10)] public string? PinChainFingerprint { get; init; }

    /// <summary>Set for a privileged act to append to the audit log, saved with the change it records.</summary>
    [Id(11)] public AuditAct? Audit { get; init; }

    /// <summary>Set when a root DAO is to be listed in the cluster's DAO directory.</summary>
    [Id(12)] public RootDao? ListRoot { get; init; }

    /// <summary>Set for a grant program to open (<see cref="Target"/> is its key), its budget already drawn.</summary>
    [Id(13)] public GrantProgramTerms? OpenProgram { get; init; }

    /// <summary>Set for a decision on a grant (<see cref="Target"/> is the grant's key).</summary>
    [Id(14)] public DecideGrant? DecideGrant { get; init; }
}
