using System.Reflection;
using Blocktrack.Gateway;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Proposals;
using Blocktrack.Verifier;

namespace Blocktrack.Architecture.Tests;

/// <summary>Who may depend on whom (docs/ARCHITECTURE.md), checked on the compiled assemblies rather than by review.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class LayerTests
{
    private static readonly Assembly Interfaces = typeof(IDaoGrain).Assembly;
    private static readonly Assembly Grains = typeof(ProposalGrain).Assembly;
    private static readonly Assembly Gateway = typeof(GatewayApp).Assembly;
    private static readonly Assembly Verifier = typeof(VerifierCommand).Assembly;

    private static IEnumerable<string> OurReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Blocktrack.", StringComparison.Ordinal));

    [Fact]
    public void The_grain_contracts_depend_on_nothing_of_ours() => Assert.Empty(OurReferences(Interfaces));

    [Fact]
    public void The_gateway_uses_contracts_chain_and_the_silo_host_but_no_grain_implementation()
    {
        Assert.DoesNotContain(Grains.GetName().Name, OurReferences(Gateway));
        Assert.Subset(new HashSet<string> { "Blocktrack.Grains.Interfaces", "Blocktrack.Chain", "Blocktrack.Silo" }, OurReferences(Gateway).ToHashSet());
    }

    [Fact]
    public void The_gateway_mentions_no_type_of_the_grain_assembly()
    {
        var offenders = Gateway.GetTypes()
            .SelectMany(t => TypeReferences.Of(t).Where(r => r.Assembly == Grains).Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_verifier_is_an_outside_client_built_on_contracts_chain_and_rules_only()
    {
        Assert.Equal(
            ["Blocktrack.Chain", "Blocktrack.Grains", "Blocktrack.Grains.Interfaces"],
            OurReferences(Verifier).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_verifier_uses_nothing_of_the_grain_assembly_but_the_pure_rules()
    {
        var rules = typeof(ProposalLifecycle).Namespace!;
        var offenders = Verifier.GetTypes()
            .SelectMany(t => TypeReferences.Of(t)
                .Where(r => r.Assembly == Grains && r.Namespace != rules
                            && r.Namespace?.StartsWith(rules + ".", StringComparison.Ordinal) != true)
                .Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
        // The rule would see a grain: the verifier does use the rules assembly, through its pure part.
        Assert.Contains(Verifier.GetTypes().SelectMany(TypeReferences.Of), r => r == typeof(BallotSetHash));
    }

    /// <summary>Namespaces of what a pure rule may not touch: the actor runtime, storage, the network, files, threads and clocks.</summary>
    private static readonly string[] Impure =
    [
        "Orleans", "Microsoft.Orleans", "Npgsql", "Microsoft.Data.Sqlite", "Microsoft.Extensions", "Microsoft.AspNetCore",
        "System.IO", "System.Net", "System.Threading", "System.Data", "System.Diagnostics.Metrics",
        "Blocktrack.Grains.Persistence", "Blocktrack.Grains.Daos", "Blocktrack.Grains.Proposals", "Blocktrack.Grains.Voters",
        "Blocktrack.Grains.Chains", "Blocktrack.Chain.Rpc", "Blocktrack.Chain.Transactions", "Blocktrack.Silo", "Nethereum",
    ];

    private static readonly Type[] ImpureTypes =
    [
        typeof(TimeProvider), typeof(Task), typeof(Random), typeof(Environment), typeof(DateTime), typeof(Console),
        typeof(System.Diagnostics.Stopwatch), typeof(System.Diagnostics.Process), typeof(System.Diagnostics.Activity),
    ];

    private static bool IsImpure(Type type) =>
        ImpureTypes.Contains(type)
        || Impure.Any(ns => type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal)));

    [Fact]
    public void The_rules_reference_no_orleans_storage_network_or_clock()
    {
        var rules = Grains.GetTypes().Where(t => t.Namespace == typeof(ProposalLifecycle).Namespace).ToList();
        Assert.Contains(typeof(ProposalLifecycle), rules);
        var offenders = rules
            .SelectMany(t => TypeReferences.Of(t).Where(IsImpure).Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .Order()
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_impurity_check_would_catch_a_grain_or_a_persisted_record() =>
        Assert.Contains(TypeReferences.Of(typeof(ProposalGrain)), t => IsImpure(t) && t.Namespace!.StartsWith("Orleans"));

    [Fact]
    public void Persisted_records_live_with_the_state_not_with_the_rules()
    {
        var serializable = Grains.GetTypes()
            .Where(t => t.Namespace == typeof(ProposalLifecycle).Namespace)
            .Where(t => t.GetCustomAttributesData().Any(a => a.AttributeType.Name == "GenerateSerializerAttribute"))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(serializable);
    }
}
