namespace Blocktrack.Silo.Profiles;

/// <summary>Profiles of one machine: silo and clients meet on localhost ports.</summary>
public abstract class LocalhostProfile : StorageProfile
{
    public override void UseClustering(ISiloBuilder silo, OrleansOptions options) =>
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);

    public override void UseClustering(IClientBuilder client, OrleansOptions options) =>
        client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
}
