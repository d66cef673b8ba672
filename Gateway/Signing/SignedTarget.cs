namespace Blocktrack.Gateway;

/// <summary>The checks that a signed message was sent where it is signed for: the route's proposal, DAO or address.</summary>
public static class SignedTarget
{
    public static void SameProposal(string signed, HttpContext http)
    {
        var route = ProposalId.FromRoute(http).Value;
        if (!string.Equals(signed, route, StringComparison.Ordinal))
            throw new ApiProblemException(ErrorCodes.ProposalMismatch,
                $"The message is signed for proposal '{signed}' but was sent to '{route}'.");
    }

    public static void SameDao(string signed, HttpContext http)
    {
        var route = DaoPath.FromRoute(http).Value;
        if (!string.Equals(signed, route, StringComparison.Ordinal))
            throw new ApiProblemException(ErrorCodes.DaoMismatch, $"The message is signed for DAO '{signed}' but was sent to '{route}'.");
    }

    public static void SameVoter(string signer, HttpContext http)
    {
        var voter = Address.FromRoute(http).Value;
        if (signer != voter)
            throw new ApiProblemException(ErrorCodes.AddressMismatch,
                $"The delegation is signed by {signer} but was sent to /voters/{voter}.");
    }
}
