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

    /// <summary>A grant message must be signed for the DAO, program and grant of the route it is sent to.</summary>
    public static void SameGrant(string dao, long program, long grant, HttpContext http)
    {
        SameDao(dao, http);
        var route = GrantRoute.FromRoute(http);
        SameNumber("program", program, route.Program);
        SameNumber("grant", grant, route.Grant);
    }

    public static void SameNumber(string name, long signed, long route)
    {
        if (signed != route)
            throw new ApiProblemException(ErrorCodes.GrantMismatch,
                $"The message is signed for {name} {signed} but was sent to {name} {route}.");
    }
}
