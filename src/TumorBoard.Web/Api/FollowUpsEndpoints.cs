using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;

namespace TumorBoard.Web.Api;

/// <summary>Follow-up of signed decisions (issue #6): the coordinator's overdue list and the responsible clinician's own list.
/// Recording a follow-up is POST /api/v1/decisions/{id}/follow-ups (DecisionsEndpoints).</summary>
public static class FollowUpsEndpoints
{
    public static RouteGroupBuilder MapFollowUpsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/follow-ups").WithTags("Follow-ups");
        g.MapGet("/overdue", Overdue).WithName("ListOverdueFollowUps");
        g.MapGet("/mine", Mine).WithName("ListMyFollowUps");
        return g;
    }

    static async Task<Ok<Paged<FollowUpRow>>> Overdue([AsParameters] ListOverdueFollowUps.Query query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    static async Task<Ok<Paged<FollowUpRow>>> Mine([AsParameters] ListMyFollowUps.Query query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));
}
