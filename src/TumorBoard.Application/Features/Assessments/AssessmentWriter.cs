using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>What a write returns: the new current version, the row version (ETag) and the warnings to show.</summary>
public sealed record AssessmentSaved(Guid AssessmentId, Discipline Discipline, AssessmentStatus Status, int Number, bool Created,
    uint Version, IReadOnlyList<string> Warnings);

/// <summary>
/// The shared write path of the assessment use cases: the discipline guard first (403), then the case (404, 409 when
/// decided, closed or withdrawn), then the expected version (428/412), then the domain, then one SaveChanges.
/// </summary>
public sealed class AssessmentWriter(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock, RadiosensitivityTable table)
{
    public async Task<AssessmentSaved> SaveDraftAsync(Guid caseId, AssessmentContent content, uint? expectedVersion, CancellationToken ct)
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

    public async Task<AssessmentSaved> ReviseAsync(Guid caseId, AssessmentContent content, string reason, uint? expectedVersion,
        CancellationToken ct)
    {
        var author = Author(content.Discipline);
        var (tumorCase, assessment) = await LoadAsync(caseId, content.Discipline, ct);
        if (assessment is null) throw new NotFoundException($"There is no {content.Discipline} assessment of case {caseId} to revise.");
        RequireVersion(assessment, expectedVersion);
        assessment.Revise(content, reason, AssessmentContext.For(tumorCase, table), author, clock.GetUtcNow());
        return await SaveAsync(assessment, false, ct);
    }

    public async Task<AssessmentSaved> SubmitAsync(Guid caseId, Discipline discipline, uint? expectedVersion, CancellationToken ct)
    {
        var author = Author(discipline);
        var (tumorCase, assessment) = await LoadAsync(caseId, discipline, ct);
        if (assessment is null) throw new NotFoundException($"There is no {discipline} draft of case {caseId} to submit.");
        if (expectedVersion is { } v && v != assessment.Version) throw new StaleVersionException("assessment");
        if (expectedVersion is { } e) db.Entry(assessment).Property(a => a.Version).OriginalValue = e;
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

    void RequireVersion(Assessment assessment, uint? expectedVersion)
    {
        if (expectedVersion is not { } expected) throw new VersionRequiredException();
        if (assessment.Version != expected) throw new StaleVersionException("assessment");
        db.Entry(assessment).Property(a => a.Version).OriginalValue = expected;
    }

    async Task<AssessmentSaved> SaveAsync(Assessment a, bool created, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var warnings = AssessmentReads.Warnings(a.Current.ComputedJson);
        return new AssessmentSaved(a.Id, a.Discipline, a.Status, a.CurrentVersionNumber, created, a.Version, warnings);
    }
}
