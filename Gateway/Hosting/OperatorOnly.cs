namespace Blocktrack.Gateway;

/// <summary>Endpoint metadata marking an operator action: <see cref="OperatorKeyMiddleware"/> demands the API key.</summary>
public sealed class OperatorOnly
{
    public static readonly OperatorOnly Instance = new();

    private OperatorOnly()
    {
    }
}
