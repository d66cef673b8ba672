using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blocktrack.Gateway;

/// <summary>
/// Signed actions on a DAO: proposing, moderating, a coordinator changing the committee and the committee its moderators.
/// </summary>
public static class DaoActionEndpoints
{
    public static void MapDaoActionEndpoints(this IEndpointRouteBuilder app)
    {
        var daos = app.MapGroup("/daos").WithTags(DaoEndpoints.Tag);
        daos.MapDao("POST", "/proposals", Propose).WithName("Propose")
            .WithSummary("Submit a signed Proposal; 201 with the new proposal")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        daos.MapDao("POST", "/choice-proposals", ProposeChoices).WithName("ProposeChoices")
            .WithSummary("Submit a signed ChoiceProposal in a choice class; 201 with the new proposal")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        daos.MapDao("POST", "/moderation", Moderate).WithName("Moderate")
            .WithSummary("A moderator hides or restores a proposal or a ballot's reason in listings (signed Moderation)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        daos.MapDao("POST", "/committee", ChangeCommittee).WithName("ChangeCommittee")
            .WithSummary("A coordinator adds or removes a committee member (signed CommitteeChange)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        daos.MapDao("POST", "/moderators", ChangeModerator).WithName("ChangeModerator")
            .WithSummary("A committee member appoints or removes a moderator (signed ModeratorChange)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }

    private static Task<Created<ProposalInfo>> Propose(DaoPath path, Signed<ProposalMessage> proposal, IGrainFactory grains) =>
        Submit(grains, path, Draft(proposal) with { Actions = proposal.Message.ParsedActions });

    private static Task<Created<ProposalInfo>> ProposeChoices(DaoPath path, Signed<ChoiceProposalMessage> proposal, IGrainFactory grains) =>
        Submit(grains, path, Draft(proposal) with { Actions = [], Choices = proposal.Message.ParsedChoices });

    private static ProposalDraft Draft<TMessage>(Signed<TMessage> proposal) where TMessage : class, IProposalMessage => new()
    {
        Proposer = proposal.Signer,
        Class = proposal.Message.Class,
        Title = proposal.Message.Title,
        Description = proposal.Message.Description,
        Digest = proposal.Digest,
    };

    private static async Task<Created<ProposalInfo>> Submit(IGrainFactory grains, DaoPath path, ProposalDraft draft)
    {
        var info = await grains.Dao(path).Propose(draft);
        return TypedResults.Created("/proposals/" + info.Id, info);
    }

    private static async Task<Ok<ModerationAction>> Moderate(DaoPath path, Signed<ModerationMessage> act, IGrainFactory grains)
    {
        var m = act.Message;
        return TypedResults.Ok(await grains.Dao(path).Moderate(act.Signer, m.Proposal, m.Target, m.Hidden, m.Reason, act.Digest));
    }

    private static async Task<Ok<DaoInfo>> ChangeCommittee(DaoPath path, Signed<CommitteeChangeMessage> change, IGrainFactory grains)
    {
        var member = MessageFields.Address(change.Message.Member, "member");
        return TypedResults.Ok(await grains.Dao(path).ChangeCommittee(change.Signer, member, change.Message.Granted));
    }

    private static async Task<Ok<DaoInfo>> ChangeModerator(DaoPath path, Signed<ModeratorChangeMessage> change, IGrainFactory grains)
    {
        var moderator = MessageFields.Address(change.Message.Moderator, "moderator");
        return TypedResults.Ok(await grains.Dao(path).ChangeModerator(change.Signer, moderator, change.Message.Granted));
    }
}
