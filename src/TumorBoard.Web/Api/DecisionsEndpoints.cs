using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Api;

/// <summary>The joint treatment decision (issue #6): record, revise, positions, waivers, sign, amend, follow up.</summary>
public static class DecisionsEndpoints
{
    public sealed record ContentBody(DecisionContent? Content);
    public sealed record PositionBody(PositionKind? Kind, string? Text);
    public sealed record SignBody(string? Password);
    /// <summary>One discipline's signature of an emergency plan: Neurosurgery or RadiationOncology, and the re-entered password.</summary>
    public sealed record EmergencySignatureBody(Discipline? Discipline, string? Password);
    public sealed record AmendBody(string? Reason, DecisionContent? Content);
    public sealed record WaiverBody(Discipline Discipline, string? Reason);
    public sealed record WaiverCreated(Guid Id);
    public sealed record FollowUpBody(int StepNumber, FollowUpStatus? Status, DeviationReason? Reason, string? ReasonText, string? Note,
        DateOnly? PerformedOn = null);

    public static RouteGroupBuilder MapDecisionsEndpoints(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/meetings/{meetingId:guid}/agenda/{itemId:guid}").WithTags("Decisions");
        items.MapPost("/decision", Record).WithName("RecordDecision");
        items.MapPost("/waivers", Waive).WithName("WaiveAssessment");
        items.MapGet("/waivers", ListWaivers).WithName("ListAssessmentWaivers");
        api.MapGet("/meetings/{meetingId:guid}/decisions", ListForMeeting).WithTags("Decisions").WithName("ListMeetingDecisions");
        api.MapGet("/responsible-clinicians", ListClinicians).WithTags("Decisions").WithName("ListResponsibleClinicians");

        var decisions = api.MapGroup("/decisions").WithTags("Decisions");
        decisions.MapGet("/{decisionId:guid}", Get).WithName("GetDecision");
        decisions.MapPut("/{decisionId:guid}", Revise).WithName("ReviseDecision");
        decisions.MapGet("/{decisionId:guid}/actions", Actions).WithName("GetDecisionActions");
        decisions.MapPut("/{decisionId:guid}/position", Position).WithName("RecordPosition");
        decisions.MapPost("/{decisionId:guid}/sign", Sign).WithName("SignDecision");
        decisions.MapPost("/{decisionId:guid}/amendments", Amend).WithName("AmendDecision");
        decisions.MapPost("/{decisionId:guid}/follow-ups", FollowUp).WithName("RecordFollowUp");

        api.MapGet("/cases/{caseId:guid}/decisions", ListForCase).WithTags("Decisions").WithName("ListCaseDecisions");
        api.MapPost("/cases/{caseId:guid}/emergency-plans", RecordEmergencyPlan).WithTags("Decisions").WithName("RecordEmergencyPlan");
        decisions.MapPost("/{decisionId:guid}/emergency-signatures", SignEmergencyPlan).WithName("SignEmergencyPlan");
        return decisions;
    }

    static async Task<Created<DecisionView>> Record(Guid meetingId, Guid itemId, ContentBody body, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var saved = await sender.Send(new RecordDecision.Command { MeetingId = meetingId, ItemId = itemId, Content = body.Content! }, ct);
        return TypedResults.Created($"/api/v1/decisions/{saved.Id}", Saved(saved, response));
    }

    static async Task<Created<DecisionView>> RecordEmergencyPlan(Guid caseId, ContentBody body, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var saved = await sender.Send(new RecordEmergencyPlan.Command { CaseId = caseId, Content = body.Content! }, ct);
        return TypedResults.Created($"/api/v1/decisions/{saved.Id}", Saved(saved, response));
    }

    static async Task<Ok<DecisionView>> SignEmergencyPlan(Guid decisionId, EmergencySignatureBody body, HttpResponse response, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(Saved(await sender.Send(new SignEmergencyPlan.Command
        {
            DecisionId = decisionId, Discipline = body.Discipline, Password = body.Password ?? "",
        }, ct), response));

    static async Task<Created<WaiverCreated>> Waive(Guid meetingId, Guid itemId, WaiverBody body, ISender sender, CancellationToken ct)
    {
        var id = await sender.Send(new WaiveAssessment.Command { MeetingId = meetingId, ItemId = itemId, Discipline = body.Discipline, Reason = body.Reason ?? "" }, ct);
        return TypedResults.Created($"/api/v1/meetings/{meetingId}/agenda/{itemId}/waivers/{id}", new WaiverCreated(id));
    }

    static async Task<Ok<IReadOnlyList<WaiverSnapshot>>> ListWaivers(Guid meetingId, Guid itemId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListAssessmentWaivers.Query(meetingId, itemId), ct));

    static async Task<Ok<IReadOnlyList<ListMeetingDecisions.Row>>> ListForMeeting(Guid meetingId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListMeetingDecisions.Query(meetingId), ct));

    static async Task<Ok<IReadOnlyList<ListResponsibleClinicians.Clinician>>> ListClinicians(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListResponsibleClinicians.Query(), ct));

    static async Task<Ok<GetDecisionActions.Actions>> Actions(Guid decisionId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetDecisionActions.Query(decisionId), ct));

    static async Task<Ok<DecisionView>> Get(Guid decisionId, HttpResponse response, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(decisionId, response, sender, ct));

    static async Task<Ok<DecisionView>> Revise(Guid decisionId, ContentBody body, IfMatch ifMatch, HttpResponse response, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(Saved(await sender.Send(new ReviseDecision.Command
        {
            DecisionId = decisionId, Content = body.Content!, ExpectedVersion = ifMatch.Version,
        }, ct), response));

    static async Task<Ok<DecisionView>> Position(Guid decisionId, PositionBody body, HttpResponse response, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(Saved(await sender.Send(new RecordPosition.Command { DecisionId = decisionId, Kind = body.Kind, Text = body.Text }, ct), response));

    static async Task<Ok<DecisionView>> Sign(Guid decisionId, SignBody body, IfMatch ifMatch, HttpResponse response, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(Saved(await sender.Send(new SignDecision.Command
        {
            DecisionId = decisionId, Password = body.Password ?? "", ExpectedVersion = ifMatch.Version,
        }, ct), response));

    static async Task<Created<DecisionView>> Amend(Guid decisionId, AmendBody body, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var saved = await sender.Send(new AmendDecision.Command { DecisionId = decisionId, Reason = body.Reason ?? "", Content = body.Content! }, ct);
        return TypedResults.Created($"/api/v1/decisions/{saved.Id}", Saved(saved, response));
    }

    static async Task<Created<DecisionView>> FollowUp(Guid decisionId, FollowUpBody body, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var saved = await sender.Send(new RecordFollowUp.Command
        {
            DecisionId = decisionId, StepNumber = body.StepNumber, Status = body.Status, Reason = body.Reason,
            ReasonText = body.ReasonText, Note = body.Note, PerformedOn = body.PerformedOn,
        }, ct);
        return TypedResults.Created($"/api/v1/decisions/{decisionId}", Saved(saved, response));
    }

    static async Task<Ok<IReadOnlyList<ListCaseDecisions.Row>>> ListForCase(Guid caseId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCaseDecisions.Query(caseId), ct));

    /// <summary>Every write answers with the decision as its command saved it, never with a second read after the commit.</summary>
    static DecisionView Saved(DecisionSaved saved, HttpResponse response)
    {
        ETags.Set(response, saved.Version);
        return saved.View;
    }

    static async Task<DecisionView> ViewAsync(Guid decisionId, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var view = await sender.Send(new GetDecision.Query(decisionId), ct);
        ETags.Set(response, view.Version);
        return view;
    }
}
