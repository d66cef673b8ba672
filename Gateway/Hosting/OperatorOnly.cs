namespace Blocktrack.Gateway;

/// <summary>
/// Endpoint metadata marking an operator action and the scope it needs: <see cref="OperatorKeyMiddleware"/> demands a key
/// that holds it.
/// </summary>
public sealed class OperatorOnly
{
    private OperatorOnly(string scope) => Scope = scope;

    public string Scope { get; }

    public static OperatorOnly For(string scope) => new(scope);
}

public static class OperatorOnlyEndpoints
{
    /// <summary>Makes the endpoint an operator action of <paramref name="scope"/>, counted under the operator rate limit.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder endpoint, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(OperatorOnly.For(scope)).RequireRateLimiting(EdgeLimits.OperatorPolicy);
}
