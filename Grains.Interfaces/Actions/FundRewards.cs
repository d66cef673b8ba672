using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Funds a rewards budget from the treasury: up to <see cref="AmountPerEpoch"/> of the asset for each of the next
/// <see cref="Epochs"/> reward epochs (starting with the one the proposal executes in), drawn at each epoch's close and
/// shared by its points. With <see cref="Chain"/> and <see cref="Token"/> set the shares are paid as ERC-20 transfers
/// from the chain's timelock; otherwise as ledger credits.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.FundRewards")]
public sealed record FundRewards(
    [property: Id(0)] string Asset,
    [property: Id(1)] BigInteger AmountPerEpoch,
    [property: Id(2)] int Epochs,
    [property: Id(3)] long? Chain = null,
    [property: Id(4)] string? Token = null) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.FundRewards;
}
