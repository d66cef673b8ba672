using System.Globalization;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// Query-string values, bound as text and parsed here, so a bad value is an <c>invalid-argument</c> problem naming the
/// parameter rather than the framework's bare 400.
/// </summary>
public static class Query
{
    public static int Int(string name, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ApiProblemException(ErrorCodes.InvalidArgument,
                $"Query parameter '{name}' must be an integer from {min} to {max}, got '{Clip(text)}'.");
    }

    public static long Long(string name, string? text, long fallback)
    {
        if (string.IsNullOrEmpty(text))
            return fallback;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiProblemException(ErrorCodes.InvalidArgument,
                $"Query parameter '{name}' must be a non-negative integer (unix seconds), got '{Clip(text)}'.");
    }

    /// <summary>A <see cref="ProposalState"/> by its camelCase name, or null when absent.</summary>
    public static ProposalState? State(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        foreach (var state in Enum.GetValues<ProposalState>())
        {
            if (string.Equals(state.ToString(), text, StringComparison.OrdinalIgnoreCase))
                return state;
        }
        var names = string.Join(", ", Enum.GetNames<ProposalState>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new ApiProblemException(ErrorCodes.InvalidArgument, $"Query parameter '{name}' must be one of {names}, got '{Clip(text)}'.");
    }

    /// <summary><c>include=hidden</c> lists what moderators hid; absent lists only what is visible.</summary>
    public static bool IncludeHidden(string? text) => text switch
    {
        null or "" => false,
        "hidden" => true,
        _ => throw new ApiProblemException(ErrorCodes.InvalidArgument, $"Query parameter 'include' may only be 'hidden', got '{Clip(text)}'."),
    };

    /// <summary>A required DAO path in the query (<c>?dao=</c>, <c>?domain=</c>).</summary>
    public static string Dao(string name, string? text) =>
        string.IsNullOrEmpty(text)
            ? throw new ApiProblemException(ErrorCodes.InvalidArgument, $"Query parameter '{name}' (a DAO path) is required.")
            : DaoPath.Require(text);

    /// <summary>A required token id such as <paramref name="example"/> (1–40 characters of a-z, 0-9, "-", "@", ".").</summary>
    public static string Token(string name, string? text, string example) =>
        Names.IsToken(text)
            ? text!
            : throw new ApiProblemException(ErrorCodes.InvalidArgument,
                $"Query parameter '{name}' must be a token id such as {example}, got '{Clip(text ?? "")}'.");

    private static string Clip(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
