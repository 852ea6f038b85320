using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Audit;

namespace TumorBoard.Web.Api;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/verify", Verify).WithName("VerifyAuditTrail");
        return audit;
    }

    static async Task<Ok<AuditVerification>> Verify(ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(new VerifyAuditTrail.Query(), ct));
}
