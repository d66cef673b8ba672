using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A program's budget ledger. It always balances: <c>Budget = Reserved + Paid + Returned + Free</c>, where Reserved is
/// what approved grants still have to be paid.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.ProgramLedger")]
public sealed record ProgramLedger
{
    [Id(0)] public BigInteger Budget { get; init; }
    [Id(1)] public BigInteger Reserved { get; init; }
    [Id(2)] public BigInteger Paid { get; init; }
    [Id(3)] public BigInteger Returned { get; init; }
    [Id(4)] public BigInteger Free { get; init; }

    public bool Balances => Budget == Reserved + Paid + Returned + Free
        && Reserved.Sign >= 0 && Paid.Sign >= 0 && Returned.Sign >= 0 && Free.Sign >= 0;
}

/// <summary>A grant in the program's index.</summary>
[GenerateSerializer, Immutable, Alias("bt.GrantSummary")]
public sealed record GrantSummary
{
    [Id(0)] public long Number { get; init; }
    [Id(1)] public string Applicant { get; init; } = "";
    [Id(2)] public string Title { get; init; } = "";
    [Id(3)] public BigInteger Amount { get; init; }
    [Id(4)] public GrantStatus Status { get; init; }

    /// <summary>Unix seconds of the earliest unpaid milestone's due date; null when none is left.</summary>
    [Id(5)] public long? NextDue { get; init; }
}

/// <summary>A grant program as it stands, with a page of its grants.</summary>
[GenerateSerializer, Immutable, Alias("bt.GrantProgramInfo")]
public sealed record GrantProgramInfo
{
    /// <summary><c>{dao}/programs/{n}</c>.</summary>
    [Id(0)] public string Id { get; init; } = "";

    [Id(1)] public string Dao { get; init; } = "";
    [Id(2)] public long Number { get; init; }
    [Id(3)] public GrantProgramTerms Terms { get; init; } = new();

    /// <summary>The proposal whose execution opened the program.</summary>
    [Id(4)] public string OpenedBy { get; init; } = "";

    [Id(5)] public ProgramLedger Ledger { get; init; } = new();
    [Id(6)] public bool Closed { get; init; }
    [Id(7)] public int GrantCount { get; init; }
    [Id(8)] public ImmutableArray<GrantSummary> Grants { get; init; } = [];

    /// <summary>Grants with a milestone past due, as of now.</summary>
    [Id(9)] public int Overdue { get; init; }

    /// <summary>Whether applications are taken now.</summary>
    [Id(10)] public bool Accepting { get; init; }
}
