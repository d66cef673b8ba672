using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>What a treasury may hold and receive: valid asset ids, never a negative balance.</summary>
public static class TreasuryRules
{
    public const int MaxReference = 200;

    /// <summary>A root DAO's opening balances.</summary>
    public static void ValidateOpening(ImmutableDictionary<string, BigInteger> treasury)
    {
        foreach (var (asset, amount) in treasury)
        {
            Refuse.Unless(Names.IsToken(asset) && amount.Sign >= 0, GovernanceError.InvalidArgument,
                $"treasury entry '{asset}' = {amount} is invalid");
        }
    }

    /// <summary>A deposit is identified by its reference, so a repeated one is credited once.</summary>
    public static void ValidateDeposit(string reference, string asset, BigInteger amount)
    {
        Refuse.Unless(!string.IsNullOrWhiteSpace(reference) && reference.Length <= MaxReference, GovernanceError.InvalidArgument,
            $"a deposit needs a reference of 1..{MaxReference} characters");
        Refuse.Unless(Names.IsToken(asset), GovernanceError.InvalidArgument, $"'{asset}' is not a valid asset id");
        Refuse.Unless(amount.Sign > 0, GovernanceError.InvalidArgument, "a deposit must be positive");
    }

    /// <summary>The key a credit is remembered by, so a redelivered deposit or allocation counts once.</summary>
    public static string DepositKey(string reference) => $"deposit:{reference}";

    public static string AllocationKey(string proposalId, int actionIndex) => $"allocation:{proposalId}#{actionIndex}";
}
