using System.Globalization;
using System.Reflection;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>A proposal id <c>{daoPath}/{seq}</c>, read from a <c>/proposals/{path}/{seq}</c> route.</summary>
public sealed record ProposalId
{
    public const string SeqParameter = "seq";

    private ProposalId(string value) => Value = value;

    /// <summary>The grain key and the id clients see, e.g. <c>blocktrack/grants/7</c>.</summary>
    public string Value { get; }

    /// <summary>The DAO path part of the id.</summary>
    public string Dao => Names.DaoOfProposal(Value);

    /// <summary>The id the request's route names; the DAO path is checked first, as the grains would.</summary>
    public static ProposalId FromRoute(HttpContext http)
    {
        var dao = DaoPath.FromRoute(http);
        DaoRoute.Of(http).TrySplit(http.Request.RouteValues, out _, out var seqText);
        if (!long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            throw new ApiProblemException(ErrorCodes.ProposalNotFound, $"'{seqText}' is not a proposal number.");
        return new ProposalId(Format(dao.Value, seq));
    }

    /// <summary>A proposal id as a signed message names it (<c>{dao}/{seq}</c>), checked as a route's would be.</summary>
    public static ProposalId Parse(string id)
    {
        var slash = id.LastIndexOf('/');
        var dao = DaoPath.Require(slash > 0 ? id[..slash] : id);
        if (!long.TryParse(id.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            throw new ApiProblemException(ErrorCodes.ProposalNotFound, $"'{id}' does not end in a proposal number.");
        return new ProposalId(Format(dao, seq));
    }

    public static ValueTask<ProposalId?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<ProposalId?>(FromRoute(http));

    public static string Format(string dao, long seq) => dao + "/" + seq.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Value;
}
