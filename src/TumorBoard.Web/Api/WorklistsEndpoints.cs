using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Features.Meetings;

namespace TumorBoard.Web.Api;

public static class WorklistsEndpoints
{
    public static RouteGroupBuilder MapWorklistsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/worklists").WithTags("Worklists");
        g.MapGet("/coordinator", Coordinator).WithName("GetCoordinatorDashboard");
        g.MapGet("/specialist", Specialist).WithName("GetSpecialistWorklist");
        g.MapGet("/fast-track", FastTrackEndpoints.Worklist).WithName("GetFastTrackWorklist");
        return g;
    }

    static async Task<Ok<GetCoordinatorDashboard.Result>> Coordinator([AsParameters] GetCoordinatorDashboard.Query q, ISender s,
        CancellationToken ct) => TypedResults.Ok(await s.Send(q, ct));

    static async Task<Ok<GetSpecialistWorklist.Result>> Specialist(ISender s, CancellationToken ct) =>
        TypedResults.Ok(await s.Send(new GetSpecialistWorklist.Query(), ct));
}
