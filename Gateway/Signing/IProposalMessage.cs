namespace Blocktrack.Gateway;

/// <summary>What every signed proposal carries, whatever its class counts (Proposal, ChoiceProposal).</summary>
public interface IProposalMessage : ISignedMessage
{
    string Dao { get; }
    string Class { get; }
    string Title { get; }
    string Description { get; }
}
