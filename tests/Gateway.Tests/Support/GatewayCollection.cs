namespace Blocktrack.Gateway.Tests;

/// <summary>Tests sharing one <see cref="GatewayFixture"/>; xunit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
