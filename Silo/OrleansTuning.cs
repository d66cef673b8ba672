using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Blocktrack.Silo;

/// <summary>
/// Orleans' own timing knobs from configuration, so operators (and the multi-silo tests) can trade failure-detection
/// speed against false suspicions without a rebuild: <c>Orleans:Membership</c> binds onto
/// <see cref="ClusterMembershipOptions"/>, <c>Orleans:Messaging</c> onto the silo's and the client's messaging options.
/// Unset keys keep Orleans' defaults.
/// </summary>
public static class OrleansTuning
{
    public const string MembershipSection = "Orleans:Membership";
    public const string MessagingSection = "Orleans:Messaging";

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

    /// <summary>The client's <c>ResponseTimeout</c>: how long a call whose silo vanished waits before it fails.</summary>
    public static IClientBuilder AddGovernanceTuning(this IClientBuilder client, IConfiguration config)
    {
        client.Services.Configure<ClientMessagingOptions>(config.GetSection(MessagingSection));
        return client;
    }
}
