using Blocktrack.Grains.Interfaces;
using Blocktrack.Silo;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;

namespace Blocktrack.Grains.Tests;

/// <summary>The grain interface type cache answers exactly what Orleans' own providers and conventions would.</summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class GrainInterfaceTypeCacheTests(FakeClockClusterFixture fixture)
{
    [Fact]
    public void Every_governance_grain_interface_resolves_as_orleans_would_and_the_cache_is_asked_first()
    {
        var services = fixture.Cluster.GetSiloServiceProvider();
        var providers = services.GetServices<IGrainInterfaceTypeProvider>().ToArray();
        Assert.IsType<CachedGrainInterfaceTypeProvider>(providers[0]);
        var resolver = services.GetRequiredService<GrainInterfaceTypeResolver>();
        var withoutCache = new GrainInterfaceTypeResolver(providers.Skip(1), services.GetRequiredService<Orleans.Serialization.TypeSystem.TypeConverter>());

        var interfaces = typeof(IProposalGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && !t.IsGenericType).ToArray();
        Assert.True(interfaces.Length > 20, $"only {interfaces.Length} grain interfaces found");
        foreach (var type in interfaces)
        {
            var expected = withoutCache.GetGrainInterfaceType(type);
            Assert.Equal(expected, resolver.GetGrainInterfaceType(type));
            Assert.Equal(expected, resolver.GetGrainInterfaceType(type)); // the second answer comes from the cache
        }
    }
}
