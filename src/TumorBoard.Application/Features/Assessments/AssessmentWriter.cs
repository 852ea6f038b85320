using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>
/// What a write returns: the new current version, the row version (ETag), the warnings to show, and the current version
/// as the API answers with it (<see cref="View"/>, read in the write's transaction before it commits).
/// </summary>
public sealed record AssessmentSaved(Guid AssessmentId, Discipline Discipline, AssessmentStatus Status, int Number, bool Created,
    uint Version, IReadOnlyList<string> Warnings, GetAssessmentVersion.Result View);

/// <summary>
/// What both content writes (SaveAssessmentDraft, ReviseAssessment) carry: the case, the discipline's content record and
/// the expected version. The discipline is the content's; its fields are named without a prefix ("Ecog"), as the typed
/// routes take them flat and the forms bind them as Input.
/// </summary>
public abstract record AssessmentWrite
{
    public Guid CaseId { get; init; }
    [InlineFields]
    public AssessmentContent Content { get; init; } = null!;
    /// <summary>Required when the assessment exists already (If-Match / the form's hidden version field).</summary>
    public VersionMatch? ExpectedVersion { get; init; }
}

/// <summary>The content rules of both writes: one of the three records, checked by its own discipline's validator.</summary>
public abstract class AssessmentWriteValidator<TCommand> : AbstractValidator<TCommand> where TCommand : AssessmentWrite
{
    protected AssessmentWriteValidator()
    {
        RuleFor(c => c.Content).OneOfTheContentRecords();
        RuleFor(c => c.Content).ValidForItsDiscipline();
    }
}

/// <summary>
/// The shared write path of the assessment use cases: the discipline guard first (403), then the case (404, 409 when
/// decided, closed or withdrawn), then the expected version (428/412), then the domain, then one SaveChanges.
/// </summary>
public sealed class AssessmentWriter(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock, RadiosensitivityTable table)
{
    public async Task<AssessmentSaved> SaveDraftAsync(Guid caseId, AssessmentContent content, VersionMatch? expectedVersion, CancellationToken ct)
    {
        var author = Author(content.Discipline);
        var (tumorCase, assessment) = await LoadAsync(caseId, content.Discipline, ct);
        var context = AssessmentContext.For(tumorCase, table);
        var created = assessment is null;
        if (assessment is null)
        {
            assessment = Assessment.StartDraft(caseId, content, context, author, clock.GetUtcNow());
            db.Assessments.Add(assessment);
        }
        else
        {
            RequireVersion(assessment, expectedVersion);
            assessment.SaveDraft(content, context, author, clock.GetUtcNow());
        }
        return await SaveAsync(assessment, created, ct);
    }

    public async Task<AssessmentSaved> ReviseAsync(Guid caseId, AssessmentContent content, string reason, VersionMatch? expectedVersion,
        CancellationToken ct)
    {
        var author = Author(content.Discipline);
        var (tumorCase, assessment) = await LoadAsync(caseId, content.Discipline, ct);
        if (assessment is null) throw new NotFoundException(new RuleText("Assessment.NoneToRevise", content.Discipline, caseId));
        RequireVersion(assessment, expectedVersion);
        assessment.Revise(content, reason, AssessmentContext.For(tumorCase, table), author, clock.GetUtcNow());
        return await SaveAsync(assessment, false, ct);
    }

    public async Task<AssessmentSaved> SubmitAsync(Guid caseId, Discipline discipline, VersionMatch? expectedVersion, CancellationToken ct)
    {
        var author = Author(discipline);
        var (tumorCase, assessment) = await LoadAsync(caseId, discipline, ct);
        if (assessment is null) throw new NotFoundException(new RuleText("Assessment.NoDraftToSubmit", RuleText.Name(discipline), caseId));
        if (expectedVersion is { } v && !v.Matches(assessment.Version)) throw new StaleVersionException("assessment");
        assessment.Submit(AssessmentContext.For(tumorCase, table), author, clock.GetUtcNow());
        return await SaveAsync(assessment, false, ct);
    }

    AssessmentAuthor Author(Discipline discipline)
    {
        var author = new AssessmentAuthor(user.RequiredId, user.DisplayName ?? "unknown", user.Discipline);
        Assessment.RequireAuthorOf(discipline, author);
        return author;
    }

    async Task<(TumorBoardCase Case, Assessment? Assessment)> LoadAsync(Guid caseId, Discipline discipline, CancellationToken ct)
    {
        var tumorCase = await db.Cases.FindAsync([caseId], ct) ?? throw NotFoundException.For("Case", caseId);
        Assessment.RequireCaseOpen(tumorCase.Status);
        var assessment = await db.Assessments.Include(a => a.Versions)
            .FirstOrDefaultAsync(a => a.CaseId == caseId && a.Discipline == discipline, ct);
        return (tumorCase, assessment);
    }

    void RequireVersion(Assessment assessment, VersionMatch? expectedVersion)
    {
        if (expectedVersion is not { } expected) throw new VersionRequiredException();
        if (!expected.Matches(assessment.Version)) throw new StaleVersionException("assessment");
    }

    async Task<AssessmentSaved> SaveAsync(Assessment a, bool created, CancellationToken ct)
    {
        // Read back as GET shows it (jsonb orders the keys its own way), before the commit: an answer that fails saves nothing.
        var view = await db.SaveChangesThenReadAsync(async () =>
        {
            var stored = await db.Assessments.AsNoTracking().Include(x => x.Versions).FirstAsync(x => x.Id == a.Id, ct);
            return GetAssessmentVersion.Of(stored, stored.Versions.Single(v => v.Number == stored.CurrentVersionNumber));
        }, ct);
        return new AssessmentSaved(a.Id, a.Discipline, a.Status, a.CurrentVersionNumber, created, a.Version, view.Warnings, view);
    }
}
