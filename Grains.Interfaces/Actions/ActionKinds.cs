namespace Blocktrack.Grains.Interfaces;

/// <summary>The kinds of action a proposal may carry; a proposal class lists the ones it allows.</summary>
[Flags]
public enum ActionKinds
{
    None = 0,
    AmendConstitution = 1,
    CreateSubDao = 2,
    AllocateBudget = 4,
    TreasuryTransfer = 8,
    SetRole = 16,
    OnChainCall = 32,
    SetPersonhood = 64,
    FundRewards = 128,
    ReverseModeration = 256,
    GrantProgram = 512,
    GrantDecision = 1024,
    All = AmendConstitution | CreateSubDao | AllocateBudget | TreasuryTransfer | SetRole | OnChainCall | SetPersonhood | FundRewards
          | ReverseModeration | GrantProgram | GrantDecision,
}
