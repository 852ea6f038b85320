using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>
/// Every version of a discipline's assessment, oldest first, each with what changed from the one before; and, when
/// From and To are given, what changed between those two versions. Recorded as a read of the case (<see cref="ICaseRead"/>).
/// </summary>
public static class GetAssessmentHistory
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId, Discipline Discipline) : IQuery<Result>, ICaseRead
    {
        public int? From { get; init; }
        public int? To { get; init; }
    }

    public sealed record Result(Guid AssessmentId, Discipline Discipline, AssessmentStatus Status, IReadOnlyList<Entry> Versions,
        Comparison? Compared);

    public sealed record Entry(int Number, AssessmentVersionKind Kind, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt,
        string? Reason, IReadOnlyList<FieldChange> ChangesFromPrevious);

    public sealed record Comparison(int From, int To, IReadOnlyList<FieldChange> Changes);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).NotNull().WithText("GiveBothVersionsCompare").When(q => q.From is not null);
            RuleFor(q => q.From).InclusiveBetween(1, MaxVersion).WithText("History_VersionsRange", MaxVersion);
            RuleFor(q => q.To).InclusiveBetween(1, MaxVersion).WithText("History_VersionsRange", MaxVersion);
        }

        const int MaxVersion = 100_000;
    }

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            await AssessmentReads.CaseAsync(db, query.CaseId, ct);
            var a = AssessmentReads.Single(await AssessmentReads.ForCaseAsync(db, query.CaseId, ct), query.CaseId, query.Discipline);
            var versions = a.Versions.OrderBy(v => v.Number).ToList();
            var entries = versions.Select((v, i) => new Entry(v.Number, v.Kind, v.AuthorId, v.AuthorName, v.CreatedAt, v.Reason,
                i == 0 ? VersionDiff.Between("{}", v.ContentJson) : VersionDiff.Between(versions[i - 1].ContentJson, v.ContentJson)))
                .ToList();

            Comparison? compared = null;
            if (query.From is { } from && query.To is { } to)
            {
                string Content(int n) => versions.FirstOrDefault(v => v.Number == n)?.ContentJson
                    ?? throw new NotFoundException(new RuleText("Assessment.NoVersion", query.Discipline, n));
                compared = new Comparison(from, to, VersionDiff.Between(Content(from), Content(to)));
            }
            return new Result(a.Id, a.Discipline, a.Status, entries, compared);
        }
    }
}
