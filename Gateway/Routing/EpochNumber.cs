using System.Globalization;
using System.Reflection;

namespace Blocktrack.Gateway;

/// <summary>The <c>{epoch}</c> word of <c>/daos/{path}/rewards/epochs/{epoch}</c>: an integer ≥ 0, else invalid-argument.</summary>
public sealed record EpochNumber
{
    public const string Parameter = "epoch";

    private EpochNumber(long value) => Value = value;

    public long Value { get; }

    public static EpochNumber FromRoute(HttpContext http)
    {
        var text = DaoRoute.ParameterOf(http, Parameter) ?? "";
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? new EpochNumber(epoch)
            : throw new ApiProblemException(ErrorCodes.InvalidArgument, $"'{text}' is not an epoch number (an integer ≥ 0).");
    }

    public static ValueTask<EpochNumber?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<EpochNumber?>(FromRoute(http));

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
