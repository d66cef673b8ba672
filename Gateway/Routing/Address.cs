using System.Reflection;

namespace Blocktrack.Gateway;

/// <summary>The <c>{address}</c> of a route, in the lower-case form grains key by; anything else is <c>invalid-address</c>.</summary>
public sealed record Address
{
    public const string Parameter = "address";

    private Address(string value) => Value = value;

    public string Value { get; }

    /// <summary>The plain route value, or the <c>{address}</c> word of a DAO route (<see cref="DaoRoute.Parameter"/>).</summary>
    public static Address FromRoute(HttpContext http) => new(RequestAddresses.Normalize(
        http.Request.RouteValues[Parameter] as string ?? DaoRoute.ParameterOf(http, Parameter), Parameter));

    public static ValueTask<Address?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<Address?>(FromRoute(http));

    public override string ToString() => Value;
}
