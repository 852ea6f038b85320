using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Features.Reports;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Web.Api;

/// <summary>The decision report's dispatches to the referrer (pathways.md §2, measure 11): record one, list them, read one.</summary>
public static class ReportDispatchesEndpoints
{
    /// <summary>A dispatch: the channel, the recipient (default: the referring clinician), when it left (default: now), a note.</summary>
    public sealed record Body(ReportChannel? Channel, string? Recipient, DateTimeOffset? SentAt, string? Note);

    public static RouteGroupBuilder MapReportDispatchesEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/decisions/{decisionId:guid}/report-dispatches").WithTags("Decisions");
        g.MapPost("/", Record).WithName("RecordReportDispatch");
        g.MapGet("/", List).WithName("ListReportDispatches");
        g.MapGet("/{dispatchId:guid}", Get).WithName("GetReportDispatch");
        return g;
    }

    static async Task<Created<ReportDispatchView>> Record(Guid decisionId, Body body, ISender sender, CancellationToken ct)
    {
        var saved = await sender.Send(new RecordReportDispatch.Command
        {
            DecisionId = decisionId, Channel = body.Channel, Recipient = body.Recipient, SentAt = body.SentAt, Note = body.Note,
        }, ct);
        return TypedResults.Created($"/api/v1/decisions/{decisionId}/report-dispatches/{saved.Id}", saved);
    }

    static async Task<Ok<IReadOnlyList<ReportDispatchView>>> List(Guid decisionId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListReportDispatches.Query(decisionId), ct));

    static async Task<Ok<ReportDispatchView>> Get(Guid decisionId, Guid dispatchId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetReportDispatch.Query(decisionId, dispatchId), ct));
}
