using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// Brings addresses inside request bodies (roles, payees, whitelists) to the lower-case form grains key by,
/// so a checksummed address from a wallet means the same account as its lower-case spelling.
/// </summary>
public static class RequestAddresses
{
    public static string Normalize(string? address, string field) =>
        EthAddress.TryNormalize(address, out var lower)
            ? lower
            : throw new ApiProblemException(ErrorCodes.InvalidAddress, $"{field} is not a valid address: '{address}'.");

    public static ProposalAction Normalize(ProposalAction action, string field) => action switch
    {
        SetRole role => role with { Address = Normalize(role.Address, field + ".address") },
        TreasuryTransfer transfer => transfer with { To = Normalize(transfer.To, field + ".to") },
        CreateSubDao create => create with
        {
            Constitution = Normalize(create.Constitution, field + ".constitution"),
            Roles = Normalize(create.Roles, field + ".roles"),
        },
        AmendConstitution amend => amend with { Constitution = Normalize(amend.Constitution, field + ".constitution") },
        OnChainCall call => call with { Target = Normalize(call.Target, field + ".target") },
        SetPersonhood person => person with { Subject = Normalize(person.Subject, field + ".subject") },
        FundRewards { Token: { } token } fund => fund with { Token = Normalize(token, field + ".token") },
        _ => action,
    };

    public static DaoRoles Normalize(DaoRoles? roles, string field)
    {
        if (roles is null)
            return new DaoRoles();
        return roles with
        {
            Coordinators = NormalizeAll(roles.Coordinators, field + ".coordinators"),
            Committee = NormalizeAll(roles.Committee, field + ".committee"),
            Guardian = roles.Guardian is null ? null : Normalize(roles.Guardian, field + ".guardian"),
        };
    }

    public static Constitution Normalize(Constitution? constitution, string field)
    {
        if (constitution is null)
            return new Constitution();
        var classes = constitution.Classes.IsDefault ? [] : constitution.Classes;
        return constitution with
        {
            Classes = [.. classes.Select((c, i) => Normalize(c, $"{field}.classes[{i}]"))],
            OnChainTreasury = constitution.OnChainTreasury is { } t ? Normalize(t, field + ".onChainTreasury") : null,
        };
    }

    private static TreasuryBinding Normalize(TreasuryBinding binding, string field) => binding with
    {
        Account = Normalize(binding.Account, field + ".account"),
        Assets = binding.Assets.IsDefault
            ? []
            : [.. binding.Assets.Select((a, i) => a with { Token = Normalize(a.Token, $"{field}.assets[{i}].token") })],
    };

    private static ProposalClass Normalize(ProposalClass? proposalClass, string field)
    {
        if (proposalClass is null)
            throw new ApiProblemException(ErrorCodes.InvalidArgument, $"{field} is null.");
        var source = proposalClass.PowerSource;
        if (source?.Weights is not { Count: > 0 } weights)
            return proposalClass;
        var normalized = ImmutableDictionary.CreateBuilder<string, BigInteger>();
        foreach (var (address, weight) in weights)
            normalized[Normalize(address, $"{field}.powerSource.weights")] = weight;
        return proposalClass with { PowerSource = source with { Weights = normalized.ToImmutable() } };
    }

    private static ImmutableArray<string> NormalizeAll(ImmutableArray<string> addresses, string field) =>
        addresses.IsDefault ? [] : [.. addresses.Select((a, i) => Normalize(a, $"{field}[{i}]"))];
}
