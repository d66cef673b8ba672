using System.Globalization;
using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>Mirrored chains: watcher status, and the on-chain Governors' proposals mirrored read-only.</summary>
public static class ChainEndpoints
{
    public const string Tag = "Chains";

    // 2^256 - 1 has 78 decimal digits.
    private const int MaxProposalIdDigits = 78;
    private static readonly BigInteger MaxUint256 = BigInteger.Pow(2, 256) - 1;

    public static void MapChainEndpoints(this IEndpointRouteBuilder app)
    {
        var chains = app.MapGroup("/chains").WithTags(Tag);
        chains.MapGet("", ListChains).WithName("ListChains")
            .WithSummary("Every mirrored chain with its watcher: head, cursor, lag in blocks and seconds, last error, healthy");
        chains.MapGet("/{chainId}", GetChain).WithName("GetChain")
            .WithSummary("One mirrored chain with its watcher").ProducesProblem(400).ProducesProblem(404);
        var governor = chains.MapGroup("/{chainId}/governors/{address}");
        governor.MapGet("", GetGovernor).WithName("GetMirroredGovernor")
            .WithSummary("A mirrored Governor: its mirror path, proposal count and how far it has been followed")
            .ProducesProblem(400).ProducesProblem(404);
        governor.MapGet("/proposals", ListProposals).WithName("ListMirroredProposals")
            .WithSummary("The Governor's proposals with tallies, newest first; ?state=&offset=0&limit=50 (limit ≤ 200)")
            .ProducesProblem(400).ProducesProblem(404);
        governor.MapGet("/proposals/{id}", GetProposal).WithName("GetMirroredProposal")
            .WithSummary("One on-chain proposal (decimal uint256 id): description, actions, snapshot, deadline, state, For/Against/Abstain")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Ok<IReadOnlyList<ChainView>>> ListChains(IGrainFactory grains, TimeProvider time) =>
        TypedResults.Ok(await ChainHealth.All(grains, time));

    private static async Task<Ok<ChainView>> GetChain(ChainId chain, IGrainFactory grains, TimeProvider time) =>
        TypedResults.Ok(await ChainHealth.One(grains, time, chain.Value) ?? throw NotMirrored(chain.Value));

    private static async Task<Ok<MirroredGovernorInfo>> GetGovernor(ChainId chain, Address governor, IGrainFactory grains) =>
        TypedResults.Ok(await (await Governor(chain, governor, grains)).GetInfo());

    private static async Task<Ok<MirroredProposalPage>> ListProposals(
        ChainId chain, Address governor, [FromQuery] string? state, [AsParameters] PageQuery page, IGrainFactory grains)
    {
        var mirror = await Governor(chain, governor, grains);
        var (filter, offset, limit) = (Query.State("state", state), page.Skip, page.Take);
        return TypedResults.Ok(await mirror.ListProposals(filter, offset, limit));
    }

    // The id is parsed only once the governor is known, so an unknown chain or governor is a 404 whatever the id.
    private static async Task<Ok<MirroredProposalInfo>> GetProposal(ChainId chain, Address governor, string id, IGrainFactory grains)
    {
        var mirror = await Governor(chain, governor, grains);
        return TypedResults.Ok(await mirror.GetProposal(ProposalNumber(id)));
    }

    /// <summary>The governor grain, once the chain and the governor are known to be mirrored.</summary>
    private static async Task<IMirroredGovernorGrain> Governor(ChainId chain, Address governor, IGrainFactory grains)
    {
        var (id, address) = (chain.Value, governor.Value);
        var chains = await grains.GetGrain<IChainRegistryGrain>(0).GetChains();
        var mirrored = chains.FirstOrDefault(c => c.Id == id) ?? throw NotMirrored(id);
        if (!mirrored.Governors.Any(g => g.Address == address))
            throw new ApiProblemException(ErrorCodes.GovernorNotFound,
                $"No Governor at {address} is mirrored on chain {id}; GET /chains/{id} lists those that are.");
        return grains.GetGrain<IMirroredGovernorGrain>(MirrorKeys.Governor(id, address));
    }

    private static ApiProblemException NotMirrored(long id) =>
        new(ErrorCodes.ChainNotFound, $"Chain {id} is not mirrored by this cluster; GET /chains lists those that are.");

    /// <summary>A uint256 proposal id in canonical decimal (as the Governor's logs and this API spell it).</summary>
    private static string ProposalNumber(string text)
    {
        if (text.Length is > 0 and <= MaxProposalIdDigits && text.All(char.IsAsciiDigit)
            && BigInteger.Parse(text, CultureInfo.InvariantCulture) is var value && value <= MaxUint256)
            return value.ToString(CultureInfo.InvariantCulture);
        throw new ApiProblemException(ErrorCodes.InvalidArgument, $"A proposal id is a uint256 in decimal, got '{Clip(text)}'.");
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
