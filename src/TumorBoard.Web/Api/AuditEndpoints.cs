using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Audit;

namespace TumorBoard.Web.Api;

/// <summary>The audit trail for administrators (enforced by the pipeline): its entries as metadata, and its verification.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/entries", List).WithName("ListAuditEntries");
        audit.MapGet("/verify", Verify).WithName("VerifyAuditTrail");
        return audit;
    }

    /// <summary>?operation=&amp;entityType=&amp;entityId=&amp;actorId=&amp;from=&amp;to=&amp;page=&amp;pageSize= (days as yyyy-MM-dd, both inclusive, board time zone).</summary>
    static async Task<Ok<Paged<ListAuditEntries.Row>>> List([AsParameters] ListAuditEntries.Query query, ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(query, ct));

    static async Task<Ok<AuditVerification>> Verify(ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(new VerifyAuditTrail.Query(), ct));
}
