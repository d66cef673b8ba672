using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Pays an amount of an asset from this DAO's treasury to an address.</summary>
[GenerateSerializer, Immutable, Alias("bt.TreasuryTransfer")]
public sealed record TreasuryTransfer(
    [property: Id(0)] string Asset,
    [property: Id(1)] string To,
    [property: Id(2)] BigInteger Amount) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.TreasuryTransfer;
}
