using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>A DAO's personhood registry: committee members attest unique people (signed), anyone reads an entry.</summary>
public static class PersonhoodEndpoints
{
    public static void MapPersonhoodEndpoints(this IEndpointRouteBuilder app)
    {
        var daos = app.MapGroup("/daos").WithTags(DaoEndpoints.Tag);
        daos.MapDao("POST", "/personhood", Attest).WithName("AttestPersonhood")
            .WithSummary("A committee member attests (or revokes) an address as a unique person (signed Attestation)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        daos.MapDao("GET", "/personhood/{address}", GetEntry).WithName("GetPersonhood")
            .WithSummary("Whether the address is attested (?at=<unix seconds>, default now), since when, and its history")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Ok<PersonhoodRecord>> Attest(DaoPath path, Signed<AttestationMessage> attestation, IGrainFactory grains)
    {
        var subject = MessageFields.Address(attestation.Message.Subject, "subject");
        var entry = grains.GetGrain<IPersonhoodGrain>(Names.PersonhoodKey(path.Value, subject));
        return TypedResults.Ok(await entry.AttestByCommittee(
            attestation.Signer, attestation.Message.Attested, attestation.Digest, attestation.Signature));
    }

    private static async Task<Ok<PersonhoodRecord>> GetEntry(
        DaoPath path, Address address, [FromQuery] string? at, IGrainFactory grains, TimeProvider time)
    {
        var timepoint = Query.Long("at", at, time.GetUtcNow().ToUnixTimeSeconds());
        // An unknown DAO is dao-not-found rather than an empty registry.
        await grains.Dao(path).GetInfo();
        var entry = grains.GetGrain<IPersonhoodGrain>(Names.PersonhoodKey(path.Value, address.Value));
        return TypedResults.Ok(await entry.GetRecord(timepoint));
    }
}
