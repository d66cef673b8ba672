using System.Reflection;

namespace Blocktrack.Gateway;

/// <summary>The <c>{address}</c> of a route, in the lower-case form grains key by; anything else is <c>invalid-address</c>.</summary>
public sealed record Address
{
    public const string Parameter = "address";

    private Address(string value) => Value = value;

    public string Value { get; }

    /// <summary>The route's <c>{address}</c>: a plain route value, or the trailing word of a <see cref="DaoRoute"/>.</summary>
    public static Address FromRoute(HttpContext http)
    {
        var values = http.Request.RouteValues;
        var text = values[Parameter] as string ?? http.GetEndpoint()?.Metadata.GetMetadata<DaoRoute>()?.Parameter(values, Parameter);
        return new(RequestAddresses.Normalize(text, Parameter));
    }

    public static ValueTask<Address?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<Address?>(FromRoute(http));

    public override string ToString() => Value;
}
