using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using static TumorBoard.Web.Shared.DisciplineRoute;

namespace TumorBoard.Web.Api;

/// <summary>Structured specialist assessments of a case. {discipline}: neurosurgery, radiation-oncology, medical-oncology.</summary>
public static class AssessmentsEndpoints
{
    public static RouteGroupBuilder MapAssessmentsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases/{caseId:guid}/assessments").WithTags("Assessments");
        g.MapGet("/", List).WithName("ListAssessments");
        g.MapGet("/{discipline}", (Guid caseId, string discipline, HttpResponse res, ISender s, CancellationToken ct) =>
            Get(s, res, new GetAssessmentVersion.Query(caseId, Parse(discipline)), ct)).WithName("GetAssessment");
        g.MapGet("/{discipline}/versions/{number:int}", (Guid caseId, string discipline, int number, HttpResponse res, ISender s,
            CancellationToken ct) => Get(s, res, new GetAssessmentVersion.Query(caseId, Parse(discipline), number), ct))
            .WithName("GetAssessmentVersion");
        g.MapGet("/{discipline}/versions", History).WithName("GetAssessmentHistory");

        g.MapPut("/neurosurgery/draft", (Guid caseId, SaveNeurosurgeryDraft.Command c, HttpRequest r, HttpResponse res, ISender s,
            CancellationToken ct) => Write(s, res, caseId, c with { CaseId = caseId, ExpectedVersion = ETags.FromIfMatch(r) }, ct))
            .WithName("SaveNeurosurgeryDraft");
        g.MapPut("/radiation-oncology/draft", (Guid caseId, SaveRadiationOncologyDraft.Command c, HttpRequest r, HttpResponse res,
            ISender s, CancellationToken ct) => Write(s, res, caseId, c with { CaseId = caseId, ExpectedVersion = ETags.FromIfMatch(r) }, ct))
            .WithName("SaveRadiationOncologyDraft");
        g.MapPut("/medical-oncology/draft", (Guid caseId, SaveMedicalOncologyDraft.Command c, HttpRequest r, HttpResponse res,
            ISender s, CancellationToken ct) => Write(s, res, caseId, c with { CaseId = caseId, ExpectedVersion = ETags.FromIfMatch(r) }, ct))
            .WithName("SaveMedicalOncologyDraft");

        g.MapPost("/{discipline}/submit", (Guid caseId, string discipline, HttpRequest r, HttpResponse res, ISender s,
            CancellationToken ct) => Write(s, res, caseId,
                new SubmitAssessment.Command(caseId, Parse(discipline)) { ExpectedVersion = ETags.FromIfMatch(r) }, ct))
            .WithName("SubmitAssessment");

        g.MapPost("/neurosurgery/revise", (Guid caseId, ReviseNeurosurgery.Command c, HttpRequest r, HttpResponse res, ISender s,
            CancellationToken ct) => Write(s, res, caseId, c with { CaseId = caseId, ExpectedVersion = ETags.FromIfMatch(r) }, ct))
            .WithName("ReviseNeurosurgery");
        g.MapPost("/radiation-oncology/revise", (Guid caseId, ReviseRadiationOncology.Command c, HttpRequest r, HttpResponse res,
            ISender s, CancellationToken ct) => Write(s, res, caseId, c with { CaseId = caseId, ExpectedVersion = ETags.FromIfMatch(r) }, ct))
            .WithName("ReviseRadiationOncology");
        g.MapPost("/medical-oncology/revise", (Guid caseId, ReviseMedicalOncology.Command c, HttpRequest r, HttpResponse res,
            ISender s, CancellationToken ct) => Write(s, res, caseId, c with { CaseId = caseId, ExpectedVersion = ETags.FromIfMatch(r) }, ct))
            .WithName("ReviseMedicalOncology");
        return g;
    }

    static async Task<Ok<ListAssessments.Result>> List(Guid caseId, ISender s, CancellationToken ct) =>
        TypedResults.Ok(await s.Send(new ListAssessments.Query(caseId), ct));

    static async Task<Ok<GetAssessmentHistory.Result>> History(Guid caseId, string discipline, int? from, int? to, ISender s,
        CancellationToken ct) =>
        TypedResults.Ok(await s.Send(new GetAssessmentHistory.Query(caseId, Parse(discipline)) { From = from, To = to }, ct));

    static async Task<Ok<GetAssessmentVersion.Result>> Get(ISender s, HttpResponse res, GetAssessmentVersion.Query q, CancellationToken ct)
    {
        var result = await s.Send(q, ct);
        ETags.Set(res, result.Version);
        return TypedResults.Ok(result);
    }

    /// <summary>Every write answers with the new current version as its command saved it; 201 when it created the assessment.</summary>
    static async Task<Results<Created<GetAssessmentVersion.Result>, Ok<GetAssessmentVersion.Result>>> Write(ISender s,
        HttpResponse res, Guid caseId, ICommand<AssessmentSaved> command, CancellationToken ct)
    {
        var saved = await s.Send(command, ct);
        ETags.Set(res, saved.View.Version);
        return saved.Created
            ? TypedResults.Created($"/api/v1/cases/{caseId}/assessments/{Slug(saved.Discipline)}", saved.View)
            : TypedResults.Ok(saved.View);
    }
}
