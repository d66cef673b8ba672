using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Blocktrack.Silo;
using Orleans.Hosting.Kubernetes;

namespace Blocktrack.Deploy.Tests;

/// <summary>
/// deploy/k8s: every overlay renders with kubectl's kustomize and every object passes the Kubernetes schemas offline,
/// unknown fields included; the ports, probe paths and environment variables are the ones the apps read.
/// </summary>
[Trait("Category", TestCategory.Deploy)]
public sealed partial class ManifestTests
{
    private static readonly string[] Everywhere =
    [
        "Namespace/blocktrack", "ServiceAccount/blocktrack-silo", "ServiceAccount/blocktrack-gateway", "Role/blocktrack-silo",
        "RoleBinding/blocktrack-silo", "ConfigMap/blocktrack-settings", "Deployment/blocktrack-silo",
        "Deployment/blocktrack-gateway", "Service/blocktrack-gateway", "Job/blocktrack-migrate",
        "PodDisruptionBudget/blocktrack-silo", "PodDisruptionBudget/blocktrack-gateway",
        "HorizontalPodAutoscaler/blocktrack-silo", "HorizontalPodAutoscaler/blocktrack-gateway",
    ];

    private static string Id(JsonElement o) => $"{o.Str("kind")}/{o.GetProperty("metadata").Str("name")}";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_overlay_renders_and_every_object_is_valid(string overlay)
    {
        var objects = await Manifests.Objects(overlay);
        var ids = objects.Select(Id).ToList();
        Assert.All(Everywhere, id => Assert.Contains(id, ids));
        Assert.All(objects.Where(o => o.Str("kind") != "Namespace"),
            o => Assert.Equal("blocktrack", o.GetProperty("metadata").Str("namespace")));
        // dev brings its database and a development Secret; prod reaches an external database through a Secret it is given.
        Assert.Equal(overlay == "dev", ids.Contains("StatefulSet/blocktrack-postgres"));
        Assert.Equal(overlay == "dev", objects.Any(o => o.Str("kind") == "Secret"));
    }

    [Fact]
    public async Task The_validator_refuses_an_unknown_field_and_a_wrong_type()
    {
        var yaml = await Manifests.Render("prod");
        // A typo Kubernetes would silently drop: the root filesystem would stay writable.
        var typo = ReadOnlyRoot().Replace(yaml, m => m.Value + "\n" + m.Groups[1].Value + "readOnlyRootFilesystm: true", 1);
        var refused = await Manifests.Validate(typo);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("readOnlyRootFilesystm: unknown field", refused.Error);

        var wrongType = yaml.Replace("maxUnavailable: 1", "maxUnavailable: [1]", StringComparison.Ordinal);
        Assert.NotEqual(0, (await Manifests.Validate(wrongType)).ExitCode);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_environment_variable_is_one_the_apps_read(string overlay)
    {
        var objects = await Manifests.Objects(overlay);
        var settings = objects.Single("ConfigMap", "blocktrack-settings").GetProperty("data");
        var names = settings.EnumerateObject().Select(p => p.Name)
            .Concat(Workloads(objects).SelectMany(w => Containers(w)).SelectMany(c => c.Items("env")).Select(e => e.Str("name")))
            .Where(n => !n.StartsWith("POSTGRES_", StringComparison.Ordinal) && n != "PGDATA") // the postgres image's own
            .Distinct().ToList();
        Assert.All(names, n => Assert.True(ConfigKeys.IsRead(n), $"{n} is set in overlays/{overlay} but no app reads it"));
        Assert.Equal(SiloConfiguration.KubernetesProfile, settings.Str(Env(OrleansOptions.Section, nameof(OrleansOptions.Profile))));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_silo_gets_its_pod_identity_ports_and_probes_as_the_silo_reads_them(string overlay)
    {
        var objects = await Manifests.Objects(overlay);
        var settings = objects.Single("ConfigMap", "blocktrack-settings").GetProperty("data");
        var pod = objects.Single("Deployment", "blocktrack-silo").At("spec", "template");
        var silo = Containers(pod).Single();
        var env = silo.Items("env").ToDictionary(e => e.Str("name"));

        Assert.Equal("metadata.name", FieldPath(env[KubernetesHostingOptions.PodNameEnvironmentVariable]));
        Assert.Equal("metadata.namespace", FieldPath(env[KubernetesHostingOptions.PodNamespaceEnvironmentVariable]));
        Assert.Equal("status.podIP", FieldPath(env[KubernetesHostingOptions.PodIPEnvironmentVariable]));
        // The ids Kubernetes hosting reads from the pod's labels are the ids the settings give every other process.
        var labels = pod.At("metadata", "labels");
        foreach (var (variable, label, setting) in new[]
                 {
                     (KubernetesHostingOptions.ServiceIdEnvironmentVariable, KubernetesHostingOptions.ServiceIdLabel, nameof(OrleansOptions.ServiceId)),
                     (KubernetesHostingOptions.ClusterIdEnvironmentVariable, KubernetesHostingOptions.ClusterIdLabel, nameof(OrleansOptions.ClusterId)),
                 })
        {
            Assert.Equal($"metadata.labels['{label}']", FieldPath(env[variable]));
            Assert.Equal(settings.Str(Env(OrleansOptions.Section, setting)), labels.Str(label));
        }

        var ports = silo.Items("ports").ToDictionary(p => p.Str("name"), p => p.GetProperty("containerPort").GetInt32());
        var defaults = new OrleansOptions();
        Assert.Equal(PortSetting(env, nameof(OrleansOptions.SiloPort), defaults.SiloPort), ports["silo"]);
        Assert.Equal(PortSetting(env, nameof(OrleansOptions.GatewayPort), defaults.GatewayPort), ports["gateway"]);
        AssertHttp(pod, silo, env, ports);
        Assert.Equal(MigrateCommand.Name, Containers(objects.Single("Job", "blocktrack-migrate").At("spec", "template")).Single()
            .GetProperty("args")[0].GetString());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_gateway_listens_where_its_port_probes_and_service_point(string overlay)
    {
        var objects = await Manifests.Objects(overlay);
        var pod = objects.Single("Deployment", "blocktrack-gateway").At("spec", "template");
        var gateway = Containers(pod).Single();
        var env = gateway.Items("env").ToDictionary(e => e.Str("name"));
        var ports = gateway.Items("ports").ToDictionary(p => p.Str("name"), p => p.GetProperty("containerPort").GetInt32());
        AssertHttp(pod, gateway, env, ports);
        var service = objects.Single("Service", "blocktrack-gateway").GetProperty("spec").GetProperty("ports")[0];
        Assert.Equal("http", service.Str("targetPort"));

        // Stopping (drain delay included) fits in the grace period, or the kubelet kills a Gateway mid-drain.
        var settings = objects.Single("ConfigMap", "blocktrack-settings").GetProperty("data");
        var timeout = TimeSpan.Parse(settings.Str(Env(ShutdownOptions.Section, nameof(ShutdownOptions.Timeout))), CultureInfo.InvariantCulture);
        var drain = TimeSpan.Parse(env[Env(ShutdownOptions.Section, nameof(ShutdownOptions.DrainDelay))].Str("value"), CultureInfo.InvariantCulture);
        Assert.True(ShutdownOptions.IsValid(new ShutdownOptions { Timeout = timeout, DrainDelay = drain }));
        foreach (var workload in new[] { "blocktrack-gateway", "blocktrack-silo" })
        {
            var grace = objects.Single("Deployment", workload).At("spec", "template", "spec", "terminationGracePeriodSeconds").GetInt32();
            Assert.True(timeout < TimeSpan.FromSeconds(grace), $"{workload}: Shutdown:Timeout {timeout} is not below its grace period {grace} s");
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_container_runs_non_root_on_a_read_only_root_with_limits(string overlay)
    {
        foreach (var workload in Workloads(await Manifests.Objects(overlay)))
        {
            Assert.True(workload.At("spec", "securityContext", "runAsNonRoot").GetBoolean());
            foreach (var container in Containers(workload))
            {
                var security = container.GetProperty("securityContext");
                Assert.True(security.GetProperty("readOnlyRootFilesystem").GetBoolean());
                Assert.False(security.GetProperty("allowPrivilegeEscalation").GetBoolean());
                Assert.Equal("ALL", security.At("capabilities", "drop")[0].GetString());
                Assert.True(container.At("resources", "limits").TryGetProperty("memory", out _));
                Assert.True(container.At("resources", "requests").TryGetProperty("cpu", out _));
            }
        }
    }

    /// <summary>The HTTP port is the one in the container's Urls, and probes and scrape annotations use it and our paths.</summary>
    private static void AssertHttp(JsonElement pod, JsonElement container, Dictionary<string, JsonElement> env, Dictionary<string, int> ports)
    {
        var urls = new Uri(env.Single(e => e.Key.Equals(Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey, StringComparison.OrdinalIgnoreCase)).Value.Str("value"));
        Assert.Equal(urls.Port, ports["http"]);
        foreach (var (probe, path) in new[] { ("startupProbe", Probes.Live), ("livenessProbe", Probes.Live), ("readinessProbe", Probes.Ready) })
        {
            var get = container.At(probe, "httpGet");
            Assert.Equal(path, get.Str("path"));
            Assert.Equal("http", get.Str("port"));
        }
        var annotations = pod.At("metadata", "annotations");
        Assert.Equal(urls.Port.ToString(CultureInfo.InvariantCulture), annotations.Str("prometheus.io/port"));
        Assert.Equal("/metrics", annotations.Str("prometheus.io/path"));
    }

    private static int PortSetting(Dictionary<string, JsonElement> env, string property, int fallback) =>
        env.TryGetValue(Env(OrleansOptions.Section, property), out var set) ? int.Parse(set.Str("value"), CultureInfo.InvariantCulture) : fallback;

    private static string Env(string section, string property) => section.Replace(":", "__", StringComparison.Ordinal) + "__" + property;

    private static string FieldPath(JsonElement variable) => variable.At("valueFrom", "fieldRef").Str("fieldPath");

    private static IEnumerable<JsonElement> Workloads(IReadOnlyList<JsonElement> objects) =>
        objects.Where(o => o.Str("kind") is "Deployment" or "StatefulSet" or "Job").Select(o => o.At("spec", "template"));

    private static IEnumerable<JsonElement> Containers(JsonElement podTemplate) => podTemplate.GetProperty("spec").Items("containers");

    [GeneratedRegex(@"^(\s+)readOnlyRootFilesystem: true$", RegexOptions.Multiline)]
    private static partial Regex ReadOnlyRoot();
}
