using System.Globalization;
using System.Text.RegularExpressions;

namespace Blocktrack.Grains.Interfaces;

/// <summary>DAO paths (<c>blocktrack/grants</c>), proposal ids (<c>{path}/{seq}</c>) and token ids.</summary>
public static partial class Names
{
    public const int MaxDepth = 4;

    /// <summary>Words the Gateway uses as route segments, so no DAO may be called that.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "proposals", "constitution", "treasury", "deposits", "committee", "events", "history", "subdaos", "personhood",
        "choice-proposals", "moderation", "epochs", "rewards", "participation", "moderators",
        "ledger", "programs", "sdg", "analytics",
    };

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}\\z")]
    private static partial Regex SegmentPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9@.-]{0,39}\\z")]
    private static partial Regex TokenPattern();

    public static bool IsSegment(string segment) => SegmentPattern().IsMatch(segment) && !Reserved.Contains(segment);

    public static bool IsToken(string? token) => token is not null && TokenPattern().IsMatch(token);

    public static bool IsDaoPath(string path)
    {
        var segments = path.Split('/');
        return segments.Length <= MaxDepth && segments.All(IsSegment);
    }

    public static void RequireDaoPath(string path)
    {
        if (!IsDaoPath(path))
            throw new GovernanceException(GovernanceError.InvalidArgument,
                $"'{path}' is not a DAO path: 1-{MaxDepth} segments of [a-z][a-z0-9-]{{0,39}}, none of them a reserved word");
    }

    public static string? ParentOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? null : path[..slash];
    }

    public static string ProposalId(string dao, long seq) => $"{dao}/{seq}";

    /// <summary>The DAO path of a proposal id <c>{dao}/{seq}</c>.</summary>
    public static string DaoOfProposal(string id) => id[..id.LastIndexOf('/')];

    /// <summary>
    /// Key of an address's entry in a DAO's personhood registry: <c>{dao}/{address}</c> (an address starts with a digit,
    /// so it is never a DAO segment).
    /// </summary>
    public static string PersonhoodKey(string dao, string address) => $"{dao}/{address}";

    /// <summary>Key of an address's participation in a DAO: <c>{dao}/{address}</c>, like a personhood entry.</summary>
    public static string ParticipantKey(string dao, string address) => $"{dao}/{address}";

    /// <summary>Key of a DAO's reward epoch: <c>{dao}/epochs/{n}</c> (<c>epochs</c> is reserved, so never a sub-DAO).</summary>
    public static string EpochKey(string dao, long epoch) => $"{dao}/epochs/{epoch}";

    /// <summary>The key of a DAO's grant program <paramref name="n"/>: <c>{dao}/programs/{n}</c>.</summary>
    public static string ProgramKey(string dao, long n) => $"{dao}/programs/{n}";

    /// <summary>The key of grant <paramref name="m"/> of a program: <c>{dao}/programs/{n}/grants/{m}</c>.</summary>
    public static string GrantKey(string dao, long program, long m) => $"{ProgramKey(dao, program)}/grants/{m}";

    /// <summary>Splits <c>{dao}/programs/{n}</c>; false unless the DAO path is valid and n a plain integer ≥ 1.</summary>
    public static bool TryParseProgramKey(string key, out string dao, out long program) =>
        TrySplitNumbered(key, "/programs/", out dao, out program) && IsDaoPath(dao);

    /// <summary>Splits <c>{dao}/programs/{n}/grants/{m}</c> into the program's key and m.</summary>
    public static bool TryParseGrantKey(string key, out string programKey, out long grant) =>
        TrySplitNumbered(key, "/grants/", out programKey, out grant) && TryParseProgramKey(programKey, out _, out _);

    private static bool TrySplitNumbered(string key, string infix, out string head, out long n)
    {
        var at = key.LastIndexOf(infix, StringComparison.Ordinal);
        head = at > 0 ? key[..at] : "";
        n = 0;
        return at > 0 && long.TryParse(key.AsSpan(at + infix.Length), NumberStyles.None, null, out n) && n >= 1;
    }

    /// <summary>Splits <c>{dao}/epochs/{n}</c>; false unless the DAO path is valid and n a plain integer ≥ 0.</summary>
    public static bool TryParseEpochKey(string key, out string dao, out long epoch)
    {
        const string Infix = "/epochs/";
        var at = key.LastIndexOf(Infix, StringComparison.Ordinal);
        dao = at > 0 ? key[..at] : "";
        epoch = 0;
        return at > 0 && long.TryParse(key.AsSpan(at + Infix.Length), NumberStyles.None, null, out epoch) && IsDaoPath(dao);
    }

    /// <summary>Splits <c>{dao}/{address}</c>; false unless both parts are canonical.</summary>
    public static bool TryParsePersonhoodKey(string key, out string dao, out string address)
    {
        var slash = key.LastIndexOf('/');
        (dao, address) = slash <= 0 ? ("", "") : (key[..slash], key[(slash + 1)..]);
        return IsDaoPath(dao) && Addresses.IsCanonical(address);
    }

    /// <summary>The chain a mirrored token lives on: <c>btk@412346</c> → 412346; null for a cluster-native token.</summary>
    public static long? ChainOf(string token)
    {
        var at = token.LastIndexOf('@');
        return at >= 0 && long.TryParse(token.AsSpan(at + 1), NumberStyles.None, null, out var id) ? id : null;
    }

    /// <summary>Splits <c>{path}/{seq}</c>; false when the id is malformed.</summary>
    public static bool TryParseProposalId(string id, out string dao, out long seq)
    {
        dao = "";
        seq = 0;
        var slash = id.LastIndexOf('/');
        var digits = id.AsSpan(slash + 1);
        // Only the canonical form ProposalId produces: no sign, no leading zeros.
        if (slash <= 0 || digits.IsEmpty || digits[0] == '0'
            || !long.TryParse(digits, NumberStyles.None, null, out seq))
            return false;
        dao = id[..slash];
        return IsDaoPath(dao);
    }
}
