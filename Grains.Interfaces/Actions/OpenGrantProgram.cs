namespace Blocktrack.Grains.Interfaces;

/// <summary>Opens a grant program, drawing its budget from this DAO's treasury (counted against the SDG caps of its goals).</summary>
[GenerateSerializer, Immutable, Alias("bt.OpenGrantProgram")]
public sealed record OpenGrantProgram([property: Id(0)] GrantProgramTerms Terms) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.GrantProgram;
}
