using System.Globalization;
using System.Reflection;

namespace Blocktrack.Gateway;

/// <summary>The <c>{chainId}</c> of a route: a positive decimal integer, else <c>invalid-argument</c>.</summary>
public sealed record ChainId
{
    public const string Parameter = "chainId";

    private ChainId(long value) => Value = value;

    public long Value { get; }

    public static ChainId FromRoute(HttpContext http)
    {
        var text = http.Request.RouteValues[Parameter] as string ?? "";
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new ChainId(id)
            : throw new ApiProblemException(ErrorCodes.InvalidArgument,
                $"The chain id must be a positive decimal integer, got '{(text.Length <= 80 ? text : text[..77] + "...")}'.");
    }

    public static ValueTask<ChainId?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<ChainId?>(FromRoute(http));

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
