namespace Blocktrack.Tests.Support;

/// <summary>What a <see cref="LocalCluster"/> starts: how many silos, whether a Gateway, and extra settings (configuration keys).</summary>
public sealed record LocalClusterOptions
{
    public int Silos { get; init; } = 3;

    public bool Gateway { get; init; } = true;

    public string OperatorKey { get; init; } = "cluster-tests-operator-key";

    /// <summary>
    /// Failure detection in a few seconds instead of Orleans' default (about half a minute): probe every second,
    /// suspect a silo after three missed probes, and give up on a call whose silo vanished after 10 s.
    /// </summary>
    public bool FastFailureDetection { get; init; } = true;

    /// <summary>Extra settings of every silo, as configuration keys (<c>Governance:BallotShards</c>).</summary>
    public IReadOnlyDictionary<string, string> SiloSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra settings of the Gateway, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string> GatewaySettings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Npgsql's <c>Maximum Pool Size</c> for every process (default 100). Each silo has two pools (Orleans' ADO.NET
    /// providers share one, the ballot log has its own), so silos × 2 × this must stay under the server's max_connections.
    /// </summary>
    public int? MaxPoolSize { get; init; }

    /// <summary>
    /// When set, PostgreSQL, every silo and every Gateway run on a virtual host of their own (a network namespace with its
    /// own address, as pods on different nodes), on the ports a pod would use (5432; 11111, 30000 and 5090; 5080).
    /// The network outlives the cluster: its owner disposes it after the cluster.
    /// </summary>
    public VirtualNetwork? Network { get; init; }

    /// <summary>Log level of the apps' own categories; Orleans stays at Warning.</summary>
    public string LogLevel { get; init; } = "Warning";
}
