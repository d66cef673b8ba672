namespace Blocktrack.Gateway;

/// <summary>What every signed proposal carries, whatever its class counts (Proposal, ChoiceProposal).</summary>
public interface IProposalMessage : ISignedMessage
{
    string Dao { get; }
    string Class { get; }
    string Title { get; }
    string Description { get; }
}

/// <summary>Shared handling of the proposal messages.</summary>
public static class ProposalMessages
{
    /// <summary>Checks the common fields for JSON nulls.</summary>
    public static void Validate(IProposalMessage m)
    {
        MessageFields.Require(m.Dao, "dao");
        MessageFields.Require(m.Class, "class");
        MessageFields.Require(m.Title, "title");
        MessageFields.Require(m.Description, "description");
    }
}
