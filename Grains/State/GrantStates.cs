using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of a grant program.</summary>
[GenerateSerializer, Alias("bt.GrantProgramGrainState")]
public sealed class GrantProgramGrainState
{
    [Id(0)] public bool Opened { get; set; }
    [Id(1)] public GrantProgramTerms Terms { get; set; } = new();
    [Id(2)] public string OpenedBy { get; set; } = "";
    [Id(3)] public ProgramLedger Ledger { get; set; } = new();
    [Id(4)] public bool Closed { get; set; }

    /// <summary>The index: grant m is entry m − 1.</summary>
    [Id(5)] public List<GrantSummary> Grants { get; set; } = [];

    /// <summary>Application digests → grant number, so the same application is taken once.</summary>
    [Id(6)] public Dictionary<string, long> Applications { get; set; } = [];

    /// <summary>Per approved grant: what of its reservation is not paid (nor released) yet.</summary>
    [Id(7)] public Dictionary<long, BigInteger> Reserved { get; set; } = [];

    /// <summary>Tranches paid, by <c>{grant}/{milestone}</c>, with the on-chain transfer when there was one.</summary>
    [Id(8)] public Dictionary<string, ChainTransaction?> Paid { get; set; } = [];

    [Id(9)] public HashSet<long> Released { get; set; } = [];

    /// <summary>What the DAO is still to be told (funds settled, SDG figures), saved with the change that caused it.</summary>
    [Id(10)] public List<ProgramNotice> Owed { get; set; } = [];

    [Id(11)] public DateTimeOffset OpenedAt { get; set; }
}

/// <summary>A notice from a program to its DAO: funds returned or paid on chain, or an SDG figure.</summary>
[GenerateSerializer, Immutable, Alias("bt.ProgramNotice")]
public sealed record ProgramNotice
{
    [Id(0)] public string Cause { get; init; } = "";
    [Id(1)] public BigInteger Amount { get; init; }

    /// <summary>Set: funds to settle (returned or paid on chain); else <see cref="Sdg"/> is set.</summary>
    [Id(2)] public bool? Returned { get; init; }

    [Id(3)] public GrantSdgFact? Sdg { get; init; }
}

/// <summary>Persisted state of one milestone of a grant.</summary>
[GenerateSerializer, Alias("bt.MilestoneState")]
public sealed class MilestoneState
{
    [Id(0)] public MilestoneStatus Status { get; set; }
    [Id(1)] public string? EvidenceUrl { get; set; }
    [Id(2)] public string? EvidenceHash { get; set; }
    [Id(3)] public List<string> Approvals { get; set; } = [];
    [Id(4)] public List<string> Rejections { get; set; } = [];
    [Id(5)] public ChainTransaction? Transaction { get; set; }
    [Id(6)] public bool OverdueRecorded { get; set; }
}

/// <summary>Persisted state of a grant.</summary>
[GenerateSerializer, Alias("bt.GrantGrainState")]
public sealed class GrantGrainState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public GrantProgramTerms Terms { get; set; } = new();
    [Id(2)] public GrantApplication Application { get; set; } = new();
    [Id(3)] public GrantStatus Status { get; set; }
    [Id(4)] public ImmutableArray<BigInteger> Tranches { get; set; } = [];
    [Id(5)] public List<MilestoneState> Milestones { get; set; } = [];
    [Id(6)] public List<string> Approvals { get; set; } = [];
    [Id(7)] public List<string> Rejections { get; set; } = [];
    [Id(8)] public List<string> Cancellations { get; set; } = [];
    [Id(9)] public List<GrantEvent> History { get; set; } = [];
    [Id(10)] public BigInteger Paid { get; set; }
    [Id(11)] public BigInteger ClawedBack { get; set; }

    /// <summary>Decisions of proposals taken (or refused), by <c>{proposal}#{action}</c>.</summary>
    [Id(12)] public HashSet<string> Decisions { get; set; } = [];

    [Id(13)] public DateTimeOffset AppliedAt { get; set; }

    /// <summary>Paid milestones (index, unix seconds) the DAO's participation ledger is still to hear of.</summary>
    [Id(14)] public List<DeliveredMilestone> Delivered { get; set; } = [];
}

/// <summary>A paid milestone to announce to the participation ledger.</summary>
[GenerateSerializer, Immutable, Alias("bt.DeliveredMilestone")]
public sealed record DeliveredMilestone([property: Id(0)] int Milestone, [property: Id(1)] long At);
