using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.FastTrack;
using TumorBoard.Domain.Mscc;

namespace TumorBoard.Web.Api;

/// <summary>
/// The MSCC fast track of a case (issue #14 part 1, pathways.md §1): its triage, timestamps, clocks and breach reasons.
/// The case's own representation carries <c>triage</c> and <c>clocks</c>; the worklist is GET /api/v1/worklists/fast-track.
/// </summary>
public static class FastTrackEndpoints
{
    public static RouteGroupBuilder MapFastTrackEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases/{caseId:guid}/fast-track").WithTags("Fast track");
        g.MapGet("/", Get).WithName("GetFastTrack");
        g.MapPost("/triage", Raise).WithName("RaiseTriage");
        g.MapPost("/timestamps", Record).WithName("RecordMsccTimestamp");
        g.MapPost("/breach-reasons", Explain).WithName("ExplainBreach");
        return g;
    }

    /// <summary>Raise the triage: the class (above the one in force) and why.</summary>
    public sealed record RaiseBody(TriageLevel? Triage, string? Reason);

    /// <summary>A pathway moment: which, when (with its UTC offset), an optional note.</summary>
    public sealed record TimestampBody(MsccEvent? Event, DateTimeOffset? OccurredAt, string? Note);

    /// <summary>Why a clock was breached: the clock, the coded reason, and a text (required for <c>Other</c>).</summary>
    public sealed record BreachReasonBody(MsccClockName? Clock, BreachReason? Reason, string? Text);

    static async Task<Ok<GetFastTrack.Result>> Get(Guid caseId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetFastTrack.Query(caseId), ct));

    static async Task<Ok<GetFastTrack.Result>> Raise(Guid caseId, RaiseBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RaiseTriage.Command { CaseId = caseId, Triage = body.Triage, Reason = body.Reason ?? "" }, ct));

    static async Task<Ok<GetFastTrack.Result>> Record(Guid caseId, TimestampBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RecordMsccTimestamp.Command
        {
            CaseId = caseId, Event = body.Event, OccurredAt = body.OccurredAt, Note = body.Note,
        }, ct));

    static async Task<Ok<GetFastTrack.Result>> Explain(Guid caseId, BreachReasonBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ExplainBreach.Command
        {
            CaseId = caseId, Clock = body.Clock, Reason = body.Reason, Text = body.Text,
        }, ct));

    /// <summary>Mapped under /worklists (WorklistsEndpoints).</summary>
    internal static async Task<Ok<Paged<GetFastTrackWorklist.Row>>> Worklist([AsParameters] GetFastTrackWorklist.Query query,
        ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(query, ct));
}
