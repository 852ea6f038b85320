using System.Text.Json;
using Mediator;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>
/// The assessments of a case (latest version of each discipline, with its scores and warnings), the NOMS suggestion
/// from the submitted ones with what is still missing, and the common radiotherapy schedules. Despite the name, this is
/// one case's clinical content (the side-by-side view): opening it is recorded in the audit trail (<see cref="ICaseRead"/>).
/// </summary>
public static class ListAssessments
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId) : IQuery<Result>, ICaseRead;

    public sealed record Result(IReadOnlyList<Summary> Assessments, IReadOnlyList<Discipline> NotStarted, BoardNomsResult Noms,
        IReadOnlyList<RadiationSchedule> CommonSchedules);

    public sealed record Summary(Guid Id, Discipline Discipline, AssessmentStatus Status, int CurrentVersionNumber,
        int? SubmittedVersionNumber, string AuthorName, DateTimeOffset UpdatedAt, JsonElement Content, JsonElement Computed,
        IReadOnlyList<string> Warnings, uint Version);

    public sealed class Handler(TumorBoardDbContext db, RadiosensitivityTable table) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var tumorCase = await AssessmentReads.CaseAsync(db, query.CaseId, ct);
            var assessments = await AssessmentReads.ForCaseAsync(db, query.CaseId, ct);
            var rows = assessments.OrderBy(a => a.Discipline).Select(a =>
            {
                var v = a.Current;
                return new Summary(a.Id, a.Discipline, a.Status, a.CurrentVersionNumber, a.SubmittedVersionNumber, v.AuthorName,
                    a.UpdatedAt, AssessmentReads.Json(v.ContentJson), AssessmentReads.Json(v.ComputedJson),
                    AssessmentReads.Warnings(v.ComputedJson), a.Version);
            }).ToList();
            var notStarted = AssessmentJson.Disciplines.Where(d => assessments.All(a => a.Discipline != d)).ToList();
            var noms = AssessmentReads.BoardNoms(assessments, AssessmentContext.For(tumorCase, table));
            return new Result(rows, notStarted, noms, RadiationSchedules.Common);
        }
    }
}
