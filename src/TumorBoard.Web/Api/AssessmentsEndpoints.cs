using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
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

        // One command each for the three typed routes: the body is the discipline's content, flat (and the reason to revise).
        // The bodies are typed per route (not a generic parameter) so that the framework knows them to be required: a missing
        // or null body is its 400, and the document says the body is required.
        g.MapPut("/neurosurgery/draft", (Guid caseId, NeurosurgeryContent c, IfMatch ifMatch, HttpResponse res, ISender s,
            CancellationToken ct) => SaveDraft(caseId, c, ifMatch, res, s, ct)).WithName("SaveNeurosurgeryDraft");
        g.MapPut("/radiation-oncology/draft", (Guid caseId, RadiationOncologyContent c, IfMatch ifMatch, HttpResponse res, ISender s,
            CancellationToken ct) => SaveDraft(caseId, c, ifMatch, res, s, ct)).WithName("SaveRadiationOncologyDraft");
        g.MapPut("/medical-oncology/draft", (Guid caseId, MedicalOncologyContent c, IfMatch ifMatch, HttpResponse res, ISender s,
            CancellationToken ct) => SaveDraft(caseId, c, ifMatch, res, s, ct)).WithName("SaveMedicalOncologyDraft");

        g.MapPost("/{discipline}/submit", (Guid caseId, string discipline, IfMatch ifMatch, HttpResponse res, ISender s,
            CancellationToken ct) => Write(s, res, caseId,
                new SubmitAssessment.Command(caseId, Parse(discipline)) { ExpectedVersion = ifMatch.Version }, ct))
            .WithName("SubmitAssessment");

        g.MapPost("/neurosurgery/revise", (Guid caseId, NeurosurgeryRevision c, IfMatch ifMatch, HttpResponse res, ISender s,
            CancellationToken ct) => Revise(caseId, c, ifMatch, res, s, ct)).WithName("ReviseNeurosurgery");
        g.MapPost("/radiation-oncology/revise", (Guid caseId, RadiationOncologyRevision c, IfMatch ifMatch, HttpResponse res, ISender s,
            CancellationToken ct) => Revise(caseId, c, ifMatch, res, s, ct)).WithName("ReviseRadiationOncology");
        g.MapPost("/medical-oncology/revise", (Guid caseId, MedicalOncologyRevision c, IfMatch ifMatch, HttpResponse res, ISender s,
            CancellationToken ct) => Revise(caseId, c, ifMatch, res, s, ct)).WithName("ReviseMedicalOncology");
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

    static Task<Results<Created<GetAssessmentVersion.Result>, Ok<GetAssessmentVersion.Result>>> SaveDraft(Guid caseId,
        AssessmentContent content, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
        Write(s, res, caseId, new SaveAssessmentDraft.Command
        {
            CaseId = caseId, Content = content.AsContent(), ExpectedVersion = ifMatch.Version,
        }, ct);

    static Task<Results<Created<GetAssessmentVersion.Result>, Ok<GetAssessmentVersion.Result>>> Revise<TRevision>(Guid caseId,
        TRevision revision, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) where TRevision : AssessmentContent, IRevision =>
        Write(s, res, caseId, new ReviseAssessment.Command
        {
            CaseId = caseId, Content = revision.AsContent(), Reason = revision.Reason, ExpectedVersion = ifMatch.Version,
        }, ct);

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

/// <summary>The body of a revise route: the discipline's complete content, flat, and the reason for the revision.</summary>
public interface IRevision
{
    string Reason { get; }
}

public sealed record NeurosurgeryRevision : NeurosurgeryContent, IRevision
{
    public string Reason { get; init; } = "";
}

public sealed record RadiationOncologyRevision : RadiationOncologyContent, IRevision
{
    public string Reason { get; init; } = "";
}

public sealed record MedicalOncologyRevision : MedicalOncologyContent, IRevision
{
    public string Reason { get; init; } = "";
}
