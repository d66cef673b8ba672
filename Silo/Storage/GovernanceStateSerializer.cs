using Blocktrack.Grains;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Storage;

namespace Blocktrack.Silo.Storage;

/// <summary>
/// Grain state is stored with the Orleans serializer rather than Orleans' default JSON: every state type is
/// [GenerateSerializer] with stable [Id]s, so payloads stay readable as types gain fields, and BigInteger and immutable
/// collections round-trip exactly without converters.
/// </summary>
public static class GovernanceStateSerializer
{
    /// <summary>Registers the serializer under the storage name, where Orleans' providers (ADO.NET included) look first.</summary>
    public static IServiceCollection AddGovernanceStateSerializer(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton<IGrainStorageSerializer>(GovernanceStorage.Name,
            (sp, _) => new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));
        return services;
    }

    /// <summary>The serializer of storage <paramref name="name"/>: its own if registered, else the silo's default.</summary>
    public static IGrainStorageSerializer For(IServiceProvider services, string name) =>
        services.GetKeyedService<IGrainStorageSerializer>(name) ?? services.GetRequiredService<IGrainStorageSerializer>();
}
