using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Grants;

/// <summary>
/// The arithmetic of a program's budget: every move keeps <c>Budget = Reserved + Paid + Returned + Free</c> and no part
/// below zero, or refuses and changes nothing.
/// </summary>
public static class ProgramBook
{
    public static ProgramLedger Opened(BigInteger budget) => new() { Budget = budget, Free = budget };

    /// <summary>An approved grant takes its amount from the free budget.</summary>
    public static ProgramLedger Reserve(ProgramLedger l, BigInteger amount)
    {
        Positive(amount);
        Refuse.Unless(amount <= l.Free, GovernanceError.InsufficientFunds,
            $"the program has {l.Free} free of its budget of {l.Budget}; {amount} needed");
        return Checked(l with { Free = l.Free - amount, Reserved = l.Reserved + amount });
    }

    /// <summary>A tranche is paid from the reservation.</summary>
    public static ProgramLedger Pay(ProgramLedger l, BigInteger amount)
    {
        Positive(amount);
        Refuse.Unless(amount <= l.Reserved, GovernanceError.InsufficientFunds, $"the program has {l.Reserved} reserved; {amount} to pay");
        return Checked(l with { Reserved = l.Reserved - amount, Paid = l.Paid + amount });
    }

    /// <summary>A canceled grant's unpaid reservation becomes free again, or, once the program has closed, returns to the treasury.</summary>
    public static ProgramLedger Release(ProgramLedger l, BigInteger amount, bool closed)
    {
        Refuse.Unless(amount.Sign >= 0 && amount <= l.Reserved, GovernanceError.InvalidArgument,
            $"the program has {l.Reserved} reserved; {amount} cannot be released");
        return Checked(closed
            ? l with { Reserved = l.Reserved - amount, Returned = l.Returned + amount }
            : l with { Reserved = l.Reserved - amount, Free = l.Free + amount });
    }

    /// <summary>At the program's end the free budget returns to the treasury; what approved grants reserved stays theirs.</summary>
    public static ProgramLedger Close(ProgramLedger l) => Checked(l with { Returned = l.Returned + l.Free, Free = 0 });

    /// <summary>Throws if a ledger does not balance: a bug, never a user's error.</summary>
    public static ProgramLedger Checked(ProgramLedger l) =>
        l.Balances ? l : throw new InvalidOperationException($"grant program ledger out of balance: {l}");

    private static void Positive(BigInteger amount) =>
        Refuse.Unless(amount.Sign > 0, GovernanceError.InvalidArgument, "an amount must be positive");
}
