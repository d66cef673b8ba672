using System.Text.Json;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// The audit log of privileged acts, read openly: it holds no secret (operator keys appear by name only, signers by their
/// public address) and the point of it is that anyone — not only the operator it watches — can read, export and verify it.
/// </summary>
public static class AuditEndpoints
{
    public const string Tag = "Audit";
    private const int ExportBatch = 500;

    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/audit").WithTags(Tag);
        audit.MapGet("", ListAudit).WithName("ListAudit")
            .WithSummary("A page of audit entries, oldest first; ?offset=0&limit=50 (limit ≤ 200), filters act, actor, subject, from, to")
            .ProducesProblem(400);
        audit.MapGet("/export", ExportAudit).WithName("ExportAudit")
            .WithSummary("Every entry with its hashes, streamed: ?format=json (default, an array) or ?format=csv")
            .Produces(200, contentType: "application/json").Produces(200, contentType: "text/csv").ProducesProblem(400);
        audit.MapGet("/head", GetAuditHead).WithName("GetAuditHead")
            .WithSummary("The newest seq and running hash, the last anchored ones and whether the anchor contract holds them");
        audit.MapGet("/verify", VerifyAudit).WithName("VerifyAudit")
            .WithSummary("Recomputes the running hash over every stored entry; names the first entry that does not follow");
    }

    private static async Task<Ok<AuditPage>> ListAudit(
        [AsParameters] PageQuery page, [AsParameters] AuditFilter filter, IGrainFactory grains) =>
        TypedResults.Ok(await Log(grains).Query(filter.ToQuery(), page.Skip, page.Take));

    private static async Task<Ok<AuditHead>> GetAuditHead(IGrainFactory grains) => TypedResults.Ok(await Log(grains).GetHead());

    private static async Task<Ok<AuditVerification>> VerifyAudit(IGrainFactory grains) => TypedResults.Ok(await Log(grains).Verify());

    private static IResult ExportAudit(
        [FromQuery] string? format, IGrainFactory grains, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var csv = format switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => throw new ApiProblemException(ErrorCodes.InvalidArgument, "Query parameter 'format' must be 'json' or 'csv'."),
        };
        var log = Log(grains);
        return csv
            ? TypedResults.Stream(stream => AuditExport.Csv(stream, Batches(log)), "text/csv; charset=utf-8", "audit.csv")
            : TypedResults.Stream(stream => AuditExport.Json(stream, Batches(log), json.Value.SerializerOptions),
                "application/json; charset=utf-8", "audit.json");
    }

    /// <summary>The log in batches up to the head as it was when the export began, so the file ends at one consistent seq.</summary>
    private static async IAsyncEnumerable<IReadOnlyList<AuditEntry>> Batches(IAuditLogGrain log)
    {
        var last = (await log.GetHead()).Seq;
        for (var from = 1L; from <= last; from += ExportBatch)
        {
            var batch = await log.Read(from, (int)Math.Min(ExportBatch, last - from + 1));
            if (batch.IsEmpty) yield break;
            yield return batch;
        }
    }

    private static IAuditLogGrain Log(IGrainFactory grains) => grains.GetGrain<IAuditLogGrain>(0);
}
