using System.Text.Json;
using Mediator;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>One version of a discipline's assessment (the current one when no number is given), exactly as it was saved.
/// Recorded as a read of the case (<see cref="ICaseRead"/>).</summary>
public static class GetAssessmentVersion
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId, Discipline Discipline, int? Number = null) : IQuery<Result>, ICaseRead;

    public sealed record Result(Guid AssessmentId, Guid CaseId, Discipline Discipline, AssessmentStatus Status, int Number,
        int CurrentVersionNumber, int? SubmittedVersionNumber, AssessmentVersionKind Kind, Guid AuthorId, string AuthorName,
        DateTimeOffset CreatedAt, string? Reason, JsonElement Content, JsonElement Computed, IReadOnlyList<string> Warnings,
        uint Version);

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            await AssessmentReads.CaseAsync(db, query.CaseId, ct);
            var a = AssessmentReads.Single(await AssessmentReads.ForCaseAsync(db, query.CaseId, ct), query.CaseId, query.Discipline);
            var number = query.Number ?? a.CurrentVersionNumber;
            var v = a.Versions.FirstOrDefault(x => x.Number == number)
                ?? throw new NotFoundException(new RuleText("Assessment.NoVersion", query.Discipline, number));
            return Of(a, v);
        }
    }

    /// <summary>A stored version as this read model: content and computed scores as JSON, warnings as sentences.</summary>
    public static Result Of(Assessment a, AssessmentVersion v) =>
        new(a.Id, a.CaseId, a.Discipline, a.Status, v.Number, a.CurrentVersionNumber, a.SubmittedVersionNumber,
            v.Kind, v.AuthorId, v.AuthorName, v.CreatedAt, v.Reason, AssessmentReads.Json(v.ContentJson),
            AssessmentReads.Json(v.ComputedJson), AssessmentReads.Warnings(v.ComputedJson), a.Version);
}
