using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Blocktrack.Silo;

/// <summary>The silo's settings: the <c>Orleans</c> configuration section and the <c>Orleans</c> connection string, read in one place.</summary>
public sealed record OrleansSettings
{
    public const string Section = "Orleans";
    public const string ConnectionStringName = "Orleans";

    /// <summary>Storage profile: <c>embedded</c> (default), <c>cluster</c> or <c>memory</c>.</summary>
    public string Profile { get; init; } = SiloConfiguration.EmbeddedProfile;

    /// <summary>Folder of the embedded profile's SQLite file; relative paths start at the content root.</summary>
    public string DataDirectory { get; init; } = "data";

    public int SiloPort { get; init; } = EndpointOptions.DEFAULT_SILO_PORT;
    public int GatewayPort { get; init; } = EndpointOptions.DEFAULT_GATEWAY_PORT;

    /// <summary>Silos and clients with the same cluster id form one cluster.</summary>
    public string ClusterId { get; init; } = "blocktrack";

    /// <summary>Keys the persisted grain state and reminders of the cluster profile: keep it stable across deployments.</summary>
    public string ServiceId { get; init; } = "blocktrack";

    /// <summary>Address other silos and clients reach this silo at (cluster profile); unset picks this host's address.</summary>
    public IPAddress? AdvertisedIPAddress { get; init; }

    /// <summary>Whether a cluster-profile silo applies the PostgreSQL schema at startup (else run the <c>migrate</c> command).</summary>
    public bool MigrateSchema { get; init; } = true;

    /// <summary><c>ConnectionStrings:Orleans</c>, the PostgreSQL database of the cluster profile.</summary>
    public string? ConnectionString { get; init; }

    public static OrleansSettings From(IConfiguration config)
    {
        var section = config.GetSection(Section);
        var defaults = new OrleansSettings();
        return new OrleansSettings
        {
            Profile = SiloConfiguration.Profile(config),
            DataDirectory = NonEmpty(section["DataDirectory"]) ?? defaults.DataDirectory,
            SiloPort = section.GetValue("SiloPort", defaults.SiloPort),
            GatewayPort = section.GetValue("GatewayPort", defaults.GatewayPort),
            ClusterId = NonEmpty(section["ClusterId"]) ?? defaults.ClusterId,
            ServiceId = NonEmpty(section["ServiceId"]) ?? defaults.ServiceId,
            AdvertisedIPAddress = Address(NonEmpty(section["AdvertisedIPAddress"])),
            MigrateSchema = section.GetValue("MigrateSchema", defaults.MigrateSchema),
            ConnectionString = NonEmpty(config.GetConnectionString(ConnectionStringName)),
        };
    }

    /// <summary>The connection string, or a clear error naming the setting to provide.</summary>
    public string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(
        $"Orleans:Profile '{Profile}' needs a PostgreSQL connection string in ConnectionStrings:Orleans " +
        "(environment: ConnectionStrings__Orleans), e.g. 'Host=db;Database=blocktrack;Username=blocktrack;Password=...'.");

    /// <summary>The data folder as an absolute path.</summary>
    public string DataPath(string? contentRoot) =>
        Path.GetFullPath(Path.Combine(contentRoot ?? AppContext.BaseDirectory, DataDirectory));

    private static IPAddress? Address(string? value) =>
        value is null ? null
        : IPAddress.TryParse(value, out var address) ? address
        : throw new InvalidOperationException($"Orleans:AdvertisedIPAddress '{value}' is not an IP address.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
