using System.Globalization;
using System.Numerics;
using Blocktrack.Chain;

namespace Blocktrack.Gateway;

/// <summary>Field checks shared by the signed message types.</summary>
public static class MessageFields
{
    public static void Require(string? value, string field)
    {
        // Required members can still be JSON null; a null would hash differently from anything a wallet signs.
        if (value is null)
            throw new ApiProblemException(ErrorCodes.MalformedRequest, $"message.{field} must be a string, not null.");
    }

    /// <summary>The canonical lower-case form of an address field; refuses anything else with <c>invalid-address</c>.</summary>
    public static string Address(string? value, string field)
    {
        Require(value, field);
        return EthAddress.TryNormalize(value, out var lower)
            ? lower
            : throw new ApiProblemException(ErrorCodes.InvalidAddress,
                $"message.{field} must be 0x followed by 40 hex digits (all lower, all upper, or a valid EIP-55 checksum).");
    }

    /// <summary>A uint256 written as a decimal string (as wallets show big numbers); refuses anything else.</summary>
    public static BigInteger Amount(string? value, string field)
    {
        Require(value, field);
        return value!.Length is > 0 and <= 78 && value.All(char.IsAsciiDigit)
            && BigInteger.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < BigInteger.One << 256
            ? n
            : throw new ApiProblemException(ErrorCodes.InvalidArgument, $"message.{field} must be a uint256 as a decimal string.");
    }

    /// <summary>The fields every proposal message carries (Proposal, ChoiceProposal) must be strings.</summary>
    public static void RequireProposal(IProposalMessage m)
    {
        Require(m.Dao, "dao");
        Require(m.Class, "class");
        Require(m.Title, "title");
        Require(m.Description, "description");
    }
}
