namespace Blocktrack.Tests.Support;

/// <summary>
/// The values of the <c>Category</c> trait every test class carries exactly one of (<c>[Trait("Category", "Fast")]</c>),
/// so <c>./test.sh --filter Category=Fast</c> runs, in under two minutes, what needs no chain, database server or silo
/// process (short ethers.js scripts aside).
/// </summary>
public static class TestCategory
{
    /// <summary>In-process: rules, grains on an in-process cluster, the Gateway in-process, vectors and ethers.js comparisons.</summary>
    public const string Fast = "Fast";

    /// <summary>In-process like <see cref="Fast"/>, but thousands of voters: a minute, not milliseconds.</summary>
    public const string Scale = "Scale";

    /// <summary>Against real hardhat chains started from deploy/devchain.</summary>
    public const string Chain = "Chain";

    /// <summary>Durable storage: SQLite files and throwaway PostgreSQL servers, restarts on the same data.</summary>
    public const string Storage = "Storage";

    /// <summary>What ops teams deploy: the Kubernetes manifests rendered and validated, the published Gateway run unprivileged.</summary>
    public const string Deploy = "Deploy";

    /// <summary>Several silo processes, the Gateway process and PostgreSQL, with real faults.</summary>
    public const string Cluster = "Cluster";

    /// <summary>
    /// Like <see cref="Cluster"/>, but every process on a virtual host of its own (network namespaces on a bridge): a host
    /// cut off the network, SIGTERM drains, rolling upgrades, scaling. Needs root and iproute2 (CI has both).
    /// </summary>
    public const string Hosts = "Hosts";

    /// <summary>The web app in headless Chromium (Debian's chromium) against a Gateway and embedded silo started in-process.</summary>
    public const string Browser = "Browser";
}
