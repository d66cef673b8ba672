using System.Globalization;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>Query-string values parsed by hand, so a bad value is an <c>invalid-argument</c> problem naming the parameter.</summary>
public static class Query
{
    public static int Int(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ApiProblemException(ErrorCodes.InvalidArgument, $"Query parameter '{name}' must be an integer from {min} to {max}, got '{Clip(text)}'.");
    }

    public static long Long(HttpRequest request, string name, long fallback)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
            return fallback;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiProblemException(ErrorCodes.InvalidArgument, $"Query parameter '{name}' must be a non-negative integer (unix seconds), got '{Clip(text)}'.");
    }

    public static string String(HttpRequest request, string name, string fallback)
    {
        var text = request.Query[name].ToString();
        return text.Length == 0 ? fallback : text;
    }

    /// <summary>A <see cref="ProposalState"/> by its camelCase name, or null when absent.</summary>
    public static ProposalState? State(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
            return null;
        foreach (var state in Enum.GetValues<ProposalState>())
        {
            if (string.Equals(state.ToString(), text, StringComparison.OrdinalIgnoreCase))
                return state;
        }
        var names = string.Join(", ", Enum.GetNames<ProposalState>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new ApiProblemException(ErrorCodes.InvalidArgument, $"Query parameter '{name}' must be one of {names}, got '{Clip(text)}'.");
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
