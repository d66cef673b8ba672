using System.Globalization;

namespace Blocktrack.Gateway;

/// <summary>Proposal ids <c>{daoPath}/{seq}</c>, read from the <c>/proposals/{d0}/…/{seq}</c> routes.</summary>
public static class ProposalId
{
    public const string SeqParameter = "seq";

    /// <summary>The id the route names; the <c>seq</c> constraint already guarantees an integer.</summary>
    public static string FromRoute(HttpRequest request)
    {
        var dao = DaoPath.FromRoute(request);
        var seqText = request.RouteValues[SeqParameter] as string;
        if (!long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            throw new ApiProblemException(ErrorCodes.ProposalNotFound, $"'{seqText}' is not a proposal number.");
        return Format(dao, seq);
    }

    public static string Format(string dao, long seq) => dao + "/" + seq.ToString(CultureInfo.InvariantCulture);
}
