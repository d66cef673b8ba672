using System.Collections;
using System.Reflection;
using Blocktrack.Gateway;
using Blocktrack.Silo;
using Microsoft.AspNetCore.Hosting;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using GatewayOptions = Blocktrack.Gateway.GatewayOptions;

namespace Blocktrack.Deploy.Tests;

/// <summary>
/// The configuration keys the apps read, derived from their own options classes and constants (never a copied list):
/// an environment variable name in a manifest must resolve to one of them, or it configures nothing.
/// </summary>
public static class ConfigKeys
{
    /// <summary>Sections bound onto an options type, each walked property by property.</summary>
    private static readonly (string Section, Type Options)[] Sections =
    [
        (OrleansOptions.Section, typeof(OrleansOptions)),
        (GatewayOptions.Section, typeof(GatewayOptions)),
        (EdgeLimitsOptions.Section, typeof(EdgeLimitsOptions)),
        (ShutdownOptions.Section, typeof(ShutdownOptions)),
        (OrleansTuning.MembershipSection, typeof(ClusterMembershipOptions)),
        (OrleansTuning.MessagingSection, typeof(SiloMessagingOptions)),
        (OrleansTuning.ClientSection, typeof(Orleans.Configuration.GatewayOptions)),
    ];

    /// <summary>Single keys read directly (no options type), and the variables Orleans' Kubernetes hosting reads.</summary>
    public static readonly IReadOnlySet<string> Singles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        SiloConfiguration.DashboardSetting,
        "ConnectionStrings:" + OrleansOptions.ConnectionStringName,
        WebHostDefaults.ServerUrlsKey,
        KubernetesHostingOptions.PodNameEnvironmentVariable,
        KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable,
        KubernetesHostingOptions.ServiceIdEnvironmentVariable,
        KubernetesHostingOptions.ClusterIdEnvironmentVariable,
    };

    /// <summary>Whether the environment variable <paramref name="name"/> (<c>Gateway__Limits__Reads__Burst</c>) is read.</summary>
    public static bool IsRead(string name)
    {
        var key = name.Replace("__", ":", StringComparison.Ordinal);
        if (Singles.Contains(key)) return true;
        // The longest section that prefixes the key owns it (Gateway:Limits before Gateway).
        foreach (var (section, options) in Sections.OrderByDescending(s => s.Section.Length))
        {
            if (!key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)) continue;
            return Resolves(options, key[(section.Length + 1)..].Split(':'));
        }
        return false;
    }

    /// <summary>Walks the segments through settable properties, list indices and dictionary keys down to a value.</summary>
    private static bool Resolves(Type type, ReadOnlySpan<string> segments)
    {
        if (segments.IsEmpty) return IsValue(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return int.TryParse(segments[0], out _) && Resolves(type.GetGenericArguments()[0], segments[1..]);
        var property = type.GetProperty(segments[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || !(property.CanWrite || typeof(IEnumerable).IsAssignableFrom(property.PropertyType))) return false;
        return Resolves(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, segments[1..]);
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal);
}
