using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Blocktrack.Silo;

/// <summary>
/// Orleans' own timing knobs from configuration, so operators (and the multi-silo tests) can trade failure-detection
/// speed against false suspicions without a rebuild: <c>Orleans:Membership</c> binds onto
/// <see cref="ClusterMembershipOptions"/>, <c>Orleans:Messaging</c> onto the silo's and the client's messaging options,
/// <c>Orleans:Client</c> onto a client's <see cref="GatewayOptions"/>. Unset keys keep Orleans' defaults.
/// </summary>
public static class OrleansTuning
{
    public const string MembershipSection = "Orleans:Membership";
    public const string MessagingSection = "Orleans:Messaging";
    public const string ClientSection = "Orleans:Client";

    /// <summary>
    /// Membership probing (e.g. <c>ProbeTimeout</c>, <c>NumMissedProbesLimit</c>, <c>DeathVoteExpirationTimeout</c>) and
    /// <c>ResponseTimeout</c>.
    /// </summary>
    public static ISiloBuilder AddGovernanceTuning(this ISiloBuilder silo, IConfiguration config)
    {
        silo.Services.Configure<ClusterMembershipOptions>(config.GetSection(MembershipSection));
        silo.Services.Configure<SiloMessagingOptions>(config.GetSection(MessagingSection));
        return silo;
    }

    /// <summary>
    /// The client's <c>ResponseTimeout</c> (how long a call whose silo vanished waits before it fails) and
    /// <c>GatewayListRefreshPeriod</c>: how often it rereads which silos are alive (default a minute). A silo cut off the
    /// network leaves the client's connection to it open but silent, so the client keeps sending that silo's share of the
    /// grains there until this reread drops it; closed connections (a crash, a graceful stop) it notices at once.
    /// </summary>
    public static IClientBuilder AddGovernanceTuning(this IClientBuilder client, IConfiguration config)
    {
        client.Services.Configure<ClientMessagingOptions>(config.GetSection(MessagingSection));
        client.Services.Configure<GatewayOptions>(config.GetSection(ClientSection));
        return client;
    }
}
