using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Blocktrack.Silo;

/// <summary>
/// The silo's and client's settings: the <c>Orleans</c> configuration section plus the <c>Orleans</c> connection string.
/// Bound and validated once, before the host is built, because the profile decides which providers are registered.
/// </summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";
    public const string ConnectionStringName = "Orleans";

    /// <summary>Storage profile: <c>embedded</c> (default), <c>cluster</c> or <c>memory</c>; case and spaces do not matter.</summary>
    public string Profile { get; set; } = SiloConfiguration.EmbeddedProfile;

    /// <summary>Folder of the embedded profile's SQLite file; relative paths start at the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public int SiloPort { get; set; } = EndpointOptions.DEFAULT_SILO_PORT;
    public int GatewayPort { get; set; } = EndpointOptions.DEFAULT_GATEWAY_PORT;

    /// <summary>Silos and clients with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "blocktrack";

    /// <summary>Keys the persisted grain state and reminders of the cluster profile: keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "blocktrack";

    /// <summary>Address other silos and clients reach this silo at (cluster profile); unset picks this host's address.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>Whether a cluster-profile silo applies the PostgreSQL schema at startup (else run the <c>migrate</c> command).</summary>
    public bool MigrateSchema { get; set; } = true;

    /// <summary><c>ConnectionStrings:Orleans</c>, the PostgreSQL database of the cluster profile.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Binds, normalises and validates the settings; a bad value fails here, naming the setting.</summary>
    public static OrleansOptions From(IConfiguration config)
    {
        var options = new OrleansOptions();
        config.GetSection(Section).Bind(options);
        options.ConnectionString = config.GetConnectionString(ConnectionStringName);
        options.Normalize();
        var errors = options.Validate();
        if (errors.Count > 0) throw new OptionsValidationException(Section, typeof(OrleansOptions), errors);
        return options;
    }

    /// <summary>The profile name as the switch knows it: trimmed, lower case.</summary>
    public static string ProfileOf(IConfiguration config) =>
        (config[$"{Section}:{nameof(Profile)}"] ?? SiloConfiguration.EmbeddedProfile).Trim().ToLowerInvariant();

    /// <summary>The connection string, or a clear error naming the setting to provide.</summary>
    public string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(
        $"Orleans:Profile '{Profile}' needs a PostgreSQL connection string in ConnectionStrings:Orleans " +
        "(environment: ConnectionStrings__Orleans), e.g. 'Host=db;Database=blocktrack;Username=blocktrack;Password=...'.");

    /// <summary>The data folder as an absolute path.</summary>
    public string DataPath(string? contentRoot) =>
        Path.GetFullPath(Path.Combine(contentRoot ?? AppContext.BaseDirectory, DataDirectory));

    /// <summary>The advertised address, parsed (validated at bind time).</summary>
    public IPAddress? AdvertisedAddress() => AdvertisedIPAddress is null ? null : IPAddress.Parse(AdvertisedIPAddress);

    /// <summary>Blank values (an empty environment variable) mean "use the default", as they always have.</summary>
    private void Normalize()
    {
        var defaults = new OrleansOptions();
        Profile = string.IsNullOrWhiteSpace(Profile) ? defaults.Profile : Profile.Trim().ToLowerInvariant();
        DataDirectory = NonEmpty(DataDirectory) ?? defaults.DataDirectory;
        ClusterId = NonEmpty(ClusterId) ?? defaults.ClusterId;
        ServiceId = NonEmpty(ServiceId) ?? defaults.ServiceId;
        AdvertisedIPAddress = NonEmpty(AdvertisedIPAddress);
        ConnectionString = NonEmpty(ConnectionString);
    }

    private List<string> Validate()
    {
        var errors = new List<string>();
        if (AdvertisedIPAddress is { } address && !IPAddress.TryParse(address, out _))
            errors.Add($"Orleans:AdvertisedIPAddress '{address}' is not an IP address.");
        if (SiloPort is < 0 or > ushort.MaxValue) errors.Add($"Orleans:SiloPort {SiloPort} is not a TCP port (0-65535).");
        if (GatewayPort is < 0 or > ushort.MaxValue) errors.Add($"Orleans:GatewayPort {GatewayPort} is not a TCP port (0-65535).");
        return errors;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
