namespace Blocktrack.Chain.Tests.Support;

/// <summary>Tests that share one Hardhat node; they run one after another because they move its clock and snapshots.</summary>
[CollectionDefinition(Name)]
public sealed class HardhatCollection : ICollectionFixture<HardhatFixture>
{
    public const string Name = "hardhat";
}
