using System.Text.Json.Serialization;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Something a proposal does when it executes. All actions of a proposal apply together or not at all.</summary>
[GenerateSerializer, Immutable, Alias("bt.ProposalAction")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AmendConstitution), "amendConstitution")]
[JsonDerivedType(typeof(CreateSubDao), "createSubDao")]
[JsonDerivedType(typeof(AllocateBudget), "allocateBudget")]
[JsonDerivedType(typeof(TreasuryTransfer), "treasuryTransfer")]
[JsonDerivedType(typeof(SetRole), "setRole")]
[JsonDerivedType(typeof(OnChainCall), "onChainCall")]
[JsonDerivedType(typeof(SetPersonhood), "setPersonhood")]
[JsonDerivedType(typeof(FundRewards), "fundRewards")]
[JsonDerivedType(typeof(ReverseModeration), "reverseModeration")]
[JsonDerivedType(typeof(OpenGrantProgram), "openGrantProgram")]
[JsonDerivedType(typeof(DecideGrant), "decideGrant")]
public abstract record ProposalAction
{
    /// <summary>The kind a proposal class must allow for this action.</summary>
    [JsonIgnore]
    public abstract ActionKinds Kind { get; }
}
