using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;
using Orleans.Serialization.TypeSystem;

namespace Blocktrack.Silo;

/// <summary>
/// Remembers each grain interface's <see cref="GrainInterfaceType"/>. Orleans 10.4 works it out afresh on every
/// <c>GetGrain</c> (reflection over the interface's custom attributes, then a type-name format), which profiling put at
/// 6–9 % of a silo's CPU and 5 % of the Gateway's under the ballot load (a grain reference per ballot, per voter). Put
/// first among the providers, it answers from its cache and fills the cache from the others on a miss; generic
/// interfaces fall through, since Orleans adds their type arguments after a provider answers.
/// </summary>
public sealed class CachedGrainInterfaceTypeProvider(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();
    private GrainInterfaceTypeResolver? _others;

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (type.IsGenericType)
        {
            grainInterfaceType = default;
            return false;
        }
        grainInterfaceType = _known.GetOrAdd(type, t => Others().GetGrainInterfaceType(t));
        return true;
    }

    // The resolver over every other provider, exactly as Orleans would have asked them (its conventions included).
    private GrainInterfaceTypeResolver Others() => _others ??= new GrainInterfaceTypeResolver(
        services.GetServices<IGrainInterfaceTypeProvider>().Where(p => !ReferenceEquals(p, this)),
        services.GetRequiredService<TypeConverter>());
}

public static class GrainInterfaceTypeCache
{
    /// <summary>Registers the cache ahead of Orleans' own providers (order decides which is asked first).</summary>
    public static IServiceCollection AddGrainInterfaceTypeCache(this IServiceCollection services)
    {
        if (!services.Any(d => d.ImplementationType == typeof(CachedGrainInterfaceTypeProvider)))
            services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypeProvider>());
        return services;
    }
}
