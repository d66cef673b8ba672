namespace Blocktrack.Gateway;

/// <summary>The scopes operator endpoints demand (see <see cref="OperatorOnly"/>).</summary>
public static class OperatorScopes
{
    public const string All = "*";
    public const string Daos = "daos";
    public const string Balances = "balances";
    public const string Deposits = "deposits";
    public const string Reputation = "reputation";

    /// <summary>Read the Orleans Dashboard (when it is on): a monitoring key needs nothing else.</summary>
    public const string Dashboard = "dashboard";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        All, Daos, Balances, Deposits, Reputation, Dashboard,
    };
}
