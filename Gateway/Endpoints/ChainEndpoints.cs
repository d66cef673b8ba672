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
        app.MapGet("/chains", ListChains).WithName("ListChains").WithTags(Tag)
            .WithSummary("Every mirrored chain with its watcher: head, cursor, lag in blocks and seconds, last error, healthy");
        app.MapGet("/chains/{chainId}", GetChain).WithName("GetChain").WithTags(Tag)
            .WithSummary("One mirrored chain with its watcher").ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/chains/{chainId}/governors/{address}", GetGovernor).WithName("GetMirroredGovernor").WithTags(Tag)
            .WithSummary("A mirrored Governor: its mirror path, proposal count and how far it has been followed")
            .ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/chains/{chainId}/governors/{address}/proposals", ListProposals).WithName("ListMirroredProposals").WithTags(Tag)
            .WithSummary("The Governor's proposals with tallies, newest first; ?state=&offset=0&limit=50 (limit ≤ 200)")
            .ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/chains/{chainId}/governors/{address}/proposals/{id}", GetProposal).WithName("GetMirroredProposal").WithTags(Tag)
            .WithSummary("One on-chain proposal (decimal uint256 id): description, actions, snapshot, deadline, state, For/Against/Abstain")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Ok<IReadOnlyList<ChainView>>> ListChains(IGrainFactory grains, TimeProvider time) =>
        TypedResults.Ok(await ChainHealth.All(grains, time));

    private static async Task<Ok<ChainView>> GetChain(string chainId, IGrainFactory grains, TimeProvider time)
    {
        var id = ChainId(chainId);
        return TypedResults.Ok(await ChainHealth.One(grains, time, id)
            ?? throw NotMirrored(id));
    }

    private static async Task<Ok<MirroredGovernorInfo>> GetGovernor(string chainId, string address, IGrainFactory grains) =>
        TypedResults.Ok(await (await Governor(chainId, address, grains)).GetInfo());

    private static async Task<Ok<MirroredProposalPage>> ListProposals(
        string chainId, string address, [FromQuery] string? state, [AsParameters] PageQuery page, IGrainFactory grains)
    {
        var governor = await Governor(chainId, address, grains);
        var (filter, offset, limit) = (Query.State("state", state), page.Skip, page.Take);
        return TypedResults.Ok(await governor.ListProposals(filter, offset, limit));
    }

    private static async Task<Ok<MirroredProposalInfo>> GetProposal(string chainId, string address, string id, IGrainFactory grains)
    {
        var governor = await Governor(chainId, address, grains);
        return TypedResults.Ok(await governor.GetProposal(ProposalNumber(id)));
    }

    /// <summary>The governor grain, once the chain and the governor are known to be mirrored.</summary>
    private static async Task<IMirroredGovernorGrain> Governor(string chainId, string address, IGrainFactory grains)
    {
        var id = ChainId(chainId);
        var governor = Addresses.Normalize(address, "address");
        var chains = await grains.GetGrain<IChainRegistryGrain>(0).GetChains();
        var chain = chains.FirstOrDefault(c => c.Id == id)
            ?? throw NotMirrored(id);
        if (!chain.Governors.Any(g => g.Address == governor))
            throw new ApiProblemException(ErrorCodes.GovernorNotFound,
                $"No Governor at {governor} is mirrored on chain {id}; GET /chains/{id} lists those that are.");
        return grains.GetGrain<IMirroredGovernorGrain>(MirrorKeys.Governor(id, governor));
    }

    private static long ChainId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new ApiProblemException(ErrorCodes.InvalidArgument,
                $"The chain id must be a positive decimal integer, got '{Clip(text)}'.");

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
