using Blocktrack.Grains.Governance.Participation;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>What makes a constitution well-formed, and what keeps a sub-DAO's inside its parent's bounds.</summary>
public static class ConstitutionRules
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(365);

    /// <summary>Throws <see cref="GovernanceError.ConstitutionViolation"/> unless the constitution is well-formed.</summary>
    public static void Validate(Constitution c)
    {
        Violation(!c.Classes.IsDefaultOrEmpty, "a constitution needs at least one proposal class");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cls in c.Classes)
        {
            Violation(!string.IsNullOrWhiteSpace(cls.Name) && cls.Name.Length <= 40, "every class needs a name of at most 40 characters");
            Violation(names.Add(cls.Name), $"class '{cls.Name}' is defined twice");
            ValidateClass(cls);
        }
        var amending = c.Classes.Where(IsConstitutional).ToList();
        Violation(amending.Count > 0, "at least one class must allow amendConstitution, or the constitution could never change");
        foreach (var constitutional in amending)
        foreach (var other in c.Classes)
        {
            Violation(constitutional.QuorumBps >= other.QuorumBps && constitutional.ApprovalThresholdBps >= other.ApprovalThresholdBps,
                $"constitutional class '{constitutional.Name}' may not have a lower quorum or approval threshold than '{other.Name}'");
        }
        ValidateBounds(c.SubDaoBounds);
        if (c.Participation is { } participation) ProgrammeRules.Validate(participation);
        Violation((c.RetiredOperatorCapabilities & ~OperatorCapability.All) == 0, "unknown operator capabilities are retired");
        if (c.OnChainTreasury is { } binding) TreasuryBindingRules.Validate(binding);
        SdgRules.ValidatePolicy(c.Sdg);
    }

    /// <summary>The tokens a constitution's classes count as token votes, each once: what retiring the balance feed covers.</summary>
    public static IEnumerable<string> CountedTokens(Constitution c) => c.Classes
        .SelectMany(cls => cls.PowerSource.Parts()).Where(p => p.Kind == PowerSourceKind.TokenVotes)
        .SelectMany(p => p.AllTokens()).Distinct(StringComparer.Ordinal);

    /// <summary>A class that may amend the constitution.</summary>
    public static bool IsConstitutional(ProposalClass cls) => cls.AllowedActions.HasFlag(ActionKinds.AmendConstitution);

    /// <summary>Throws unless every class of <paramref name="child"/> stays within <paramref name="bounds"/>.</summary>
    public static void ValidateWithin(Constitution child, ConstitutionBounds bounds)
    {
        foreach (var cls in child.Classes)
        {
            var at = $"class '{cls.Name}'";
            Violation(cls.QuorumBps >= bounds.MinQuorumBps,
                $"{at}: quorum {cls.QuorumBps} bps is below the parent's floor of {bounds.MinQuorumBps} bps");
            Violation(cls.ApprovalThresholdBps >= bounds.MinApprovalThresholdBps,
                $"{at}: approval threshold {cls.ApprovalThresholdBps} bps is below the parent's floor of "
                + $"{bounds.MinApprovalThresholdBps} bps");
            Violation(cls.VotingPeriod >= bounds.MinVotingPeriod,
                $"{at}: voting period {cls.VotingPeriod} is shorter than the parent's minimum {bounds.MinVotingPeriod}");
            Violation(cls.VotingPeriod <= bounds.MaxVotingPeriod,
                $"{at}: voting period {cls.VotingPeriod} is longer than the parent's maximum {bounds.MaxVotingPeriod}");
            Violation(cls.TimelockDelay >= bounds.MinTimelockDelay,
                $"{at}: timelock {cls.TimelockDelay} is shorter than the parent's minimum {bounds.MinTimelockDelay}");
            var extra = cls.AllowedActions & ~bounds.AllowedActions;
            Violation(extra == ActionKinds.None, $"{at}: actions {extra} are not allowed by the parent");
            Violation(bounds.AllowsCounting(cls.Counting), $"{at}: counting type {cls.Counting} is not allowed by the parent "
                + $"(allowed: {string.Join(", ", bounds.AllowedCountingTypes)})");
        }
        // A sub-DAO may not loosen what its own children get beyond what it was given.
        var b = child.SubDaoBounds;
        Violation(b.MinQuorumBps >= bounds.MinQuorumBps && b.MinApprovalThresholdBps >= bounds.MinApprovalThresholdBps
                  && b.MinVotingPeriod >= bounds.MinVotingPeriod && b.MaxVotingPeriod <= bounds.MaxVotingPeriod
                  && b.MinTimelockDelay >= bounds.MinTimelockDelay && (b.AllowedActions & ~bounds.AllowedActions) == ActionKinds.None
                  && Enum.GetValues<CountingType>().All(t => !b.AllowsCounting(t) || bounds.AllowsCounting(t)),
            "the sub-DAO's bounds for its own sub-DAOs must be at least as strict as its parent's");
    }

    private static void ValidateClass(ProposalClass cls)
    {
        var at = $"class '{cls.Name}'";
        Violation(cls.QuorumBps is >= 0 and <= Counting.BasisPoints, $"{at}: quorum must be 0..10000 bps");
        Violation(cls.ApprovalThresholdBps is >= 5000 and <= Counting.BasisPoints,
            $"{at}: approval threshold must be 5000..10000 bps (For must exceed Against)");
        Violation(cls.VotingDelay >= TimeSpan.Zero && cls.VotingDelay <= MaxDuration, $"{at}: voting delay must be 0..365 days");
        Violation(cls.VotingPeriod >= TimeSpan.FromSeconds(1) && cls.VotingPeriod <= MaxDuration,
            $"{at}: voting period must be 1 s..365 days");
        Violation(cls.LateQuorumExtension >= TimeSpan.Zero && cls.LateQuorumExtension <= MaxDuration,
            $"{at}: late-quorum extension must be 0..365 days");
        Violation(cls.TimelockDelay >= TimeSpan.Zero && cls.TimelockDelay <= MaxDuration, $"{at}: timelock delay must be 0..365 days");
        Violation(cls.GracePeriod >= TimeSpan.FromMinutes(1) && cls.GracePeriod <= MaxDuration,
            $"{at}: grace period must be 1 minute..365 days");
        Violation(cls.ProposalThreshold.Sign >= 0, $"{at}: proposal threshold may not be negative");
        Violation((cls.AllowedActions & ~ActionKinds.All) == 0, $"{at}: unknown action kinds");
        ValidatePower(cls.PowerSource, at);
        ValidateCounting(cls, at);
    }

    /// <summary>The counting type and the quorum variants fit together (see docs/COUNTING.md).</summary>
    private static void ValidateCounting(ProposalClass cls, string at)
    {
        Violation(Enum.IsDefined(cls.Counting), $"{at}: unknown counting type");
        Violation(!cls.QuadraticPower || !cls.CountsChoices,
            $"{at}: quadraticPower is for basic classes; the quadratic counting type already takes square roots");
        Violation(cls.MinWinningShareBps is >= 0 and <= Counting.BasisPoints, $"{at}: minimum winning share must be 0..10000 bps");
        Violation(cls.MinWinningShareBps == 0 || cls.CountsChoices, $"{at}: a minimum winning share is for choice classes");
        if (cls.IsQuadratic)
        {
            Violation(cls.PersonhoodRegistry is not null,
                $"{at}: a quadratic class needs a personhoodRegistry (the DAO whose attested people may vote), or one person "
                + "could split tokens over many addresses");
        }
        if (cls.PersonhoodRegistry is { } registry)
            Violation(Names.IsDaoPath(registry), $"{at}: personhoodRegistry '{registry}' must be a DAO path");
        if (cls.DynamicQuorum is { } dynamic)
        {
            Violation(!cls.CountsChoices && !cls.QuadraticPower, $"{at}: a dynamic quorum is for basic classes with plain power");
            Violation(dynamic.MinBps >= 0 && dynamic.MinBps <= dynamic.MaxBps && dynamic.MaxBps <= Counting.BasisPoints,
                $"{at}: dynamic quorum needs 0 <= minBps <= maxBps <= 10000");
            Violation(dynamic.Coefficient is >= 0 and <= MaxQuorumCoefficient,
                $"{at}: dynamic quorum coefficient must be 0..{MaxQuorumCoefficient}");
            Violation(cls.QuorumBps == dynamic.MinBps, $"{at}: quorumBps must equal the dynamic quorum's minBps");
        }
        if (cls.SuperQuorumBps != 0)
        {
            var quorumCeiling = cls.DynamicQuorum?.MaxBps ?? cls.QuorumBps;
            Violation(!cls.CountsChoices, $"{at}: a super-quorum is for basic classes");
            Violation(cls.SuperQuorumBps >= quorumCeiling && cls.SuperQuorumBps <= Counting.BasisPoints,
                $"{at}: super-quorum must be between the quorum ({quorumCeiling} bps) and 10000 bps");
        }
        if (cls.DelegatorOverride)
        {
            var parts = cls.PowerSource.Parts();
            Violation(!cls.CountsChoices && !cls.QuadraticPower && parts.Length == 1 && parts[0].Kind == PowerSourceKind.TokenVotes
                      && parts[0].AllTokens().Length == 1 && parts[0].MultiplierBps == 10_000,
                $"{at}: delegator override is for basic classes counting the delegated votes of one token");
            Violation(Names.ChainOf(parts[0].AllTokens()[0]) is null,
                $"{at}: delegator override needs delegations the cluster records; a chain-mirrored token's are not kept yet");
            Violation(cls.SuperQuorumBps == 0, $"{at}: delegator override and a super-quorum do not combine yet");
        }
    }

    /// <summary>Largest dynamic-quorum coefficient: 100 bps of quorum per bps of Against.</summary>
    public const long MaxQuorumCoefficient = 100_000_000;

    /// <summary>Most strategies a power source may add up.</summary>
    public const int MaxStrategies = 8;

    /// <summary>Largest multiplier of a strategy: 100×.</summary>
    public const int MaxMultiplierBps = 1_000_000;

    private static void ValidatePower(PowerSource source, string at)
    {
        var parts = source.Parts();
        Violation(parts.Length <= MaxStrategies, $"{at}: at most {MaxStrategies} power strategies");
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var where = parts.Length == 1 ? at : $"{at}, strategy {i + 1}";
            Violation(part.Strategies.IsDefaultOrEmpty, $"{where}: a strategy may not have strategies of its own");
            Violation(part.MultiplierBps is > 0 and <= MaxMultiplierBps, $"{where}: multiplier must be 1..{MaxMultiplierBps} bps");
            Violation(Enum.IsDefined(part.Kind), $"{where}: unknown power source kind");
            ValidatePart(part, where);
        }
    }

    private static void ValidatePart(PowerSource source, string at)
    {
        switch (source.Kind)
        {
            case PowerSourceKind.Whitelist:
                Violation(!source.Weights.IsEmpty, $"{at}: a whitelist needs at least one address");
                foreach (var (address, weight) in source.Weights)
                {
                    Violation(Addresses.IsCanonical(address), $"{at}: whitelist address '{address}' must be a lower-case 0x address");
                    Violation(weight.Sign > 0, $"{at}: whitelist weight of {address} must be positive");
                }
                break;
            case PowerSourceKind.Reputation:
                Violation(source.Domain.Length == 0 || Names.IsDaoPath(source.Domain),
                    $"{at}: reputation domain '{source.Domain}' must be a DAO path (or empty for the proposal's DAO)");
                break;
            default:
                foreach (var token in source.AllTokens())
                {
                    Violation(Names.IsToken(token), $"{at}: token id '{token}' must be 1-40 characters of a-z, 0-9, '-', '@', '.'");
                }
                Violation(source.AllTokens().Distinct().Count() == source.AllTokens().Length, $"{at}: a token is listed twice");
                break;
        }
    }

    private static void ValidateBounds(ConstitutionBounds b)
    {
        Violation(b.MinQuorumBps is >= 0 and <= Counting.BasisPoints, "sub-DAO bounds: minimum quorum must be 0..10000 bps");
        Violation(b.MinApprovalThresholdBps is >= 5000 and <= Counting.BasisPoints,
            "sub-DAO bounds: minimum approval must be 5000..10000 bps");
        Violation(b.MinVotingPeriod <= b.MaxVotingPeriod, "sub-DAO bounds: minimum voting period exceeds the maximum");
        Violation(b.MinTimelockDelay >= TimeSpan.Zero, "sub-DAO bounds: minimum timelock may not be negative");
    }

    private static void Violation(bool ok, string message) =>
        Refuse.Unless(ok, GovernanceError.ConstitutionViolation, message);
}
