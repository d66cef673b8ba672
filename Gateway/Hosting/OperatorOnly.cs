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
