using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>Shared read helpers: stored JSON as JSON, and the board's NOMS suggestion from submitted assessments.</summary>
public static class AssessmentReads
{
    public static JsonElement Json(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    public static IReadOnlyList<string> Warnings(string computedJson)
    {
        using var doc = JsonDocument.Parse(computedJson);
        return doc.RootElement.TryGetProperty("warnings", out var w) && w.ValueKind == JsonValueKind.Array
            ? w.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];
    }

    public static async Task<Domain.Cases.TumorBoardCase> CaseAsync(TumorBoardDbContext db, Guid caseId, CancellationToken ct) =>
        await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw NotFoundException.For("Case", caseId);

    /// <summary>All assessments of a case with their versions (a handful of rows), untracked.</summary>
    public static Task<List<Assessment>> ForCaseAsync(TumorBoardDbContext db, Guid caseId, CancellationToken ct) =>
        db.Assessments.AsNoTracking().Include(a => a.Versions).Where(a => a.CaseId == caseId).ToListAsync(ct);

    /// <summary>The latest submitted version (a revision replaces the submission); null while only drafts exist.</summary>
    public static AssessmentVersion? SubmittedVersion(Assessment a) =>
        a.SubmittedVersionNumber is { } n ? a.Versions.Single(v => v.Number == n) : null;

    /// <summary>The content of each discipline's latest submitted version; drafts do not count.</summary>
    public static SubmittedContents Submitted(IEnumerable<Assessment> assessments)
    {
        var list = assessments.ToList();
        T? Of<T>(Discipline d) where T : AssessmentContent => list
            .Where(a => a.Discipline == d).Select(SubmittedVersion).OfType<AssessmentVersion>()
            .Select(v => AssessmentJson.Deserialize(d, v.ContentJson)).OfType<T>().FirstOrDefault();
        return new SubmittedContents(Of<NeurosurgeryContent>(Discipline.Neurosurgery),
            Of<RadiationOncologyContent>(Discipline.RadiationOncology), Of<MedicalOncologyContent>(Discipline.MedicalOncology));
    }

    /// <summary>NOMS from the latest submitted version of each discipline (scores.md §3); drafts do not count.</summary>
    public static BoardNomsResult BoardNoms(IEnumerable<Assessment> assessments, AssessmentContext context) =>
        Submitted(assessments).BoardNoms(context);

    public static Assessment Single(List<Assessment> assessments, Guid caseId, Discipline discipline) =>
        assessments.FirstOrDefault(a => a.Discipline == discipline)
            ?? throw new NotFoundException(new RuleText("Assessment.NoneYet", caseId, RuleText.Name(discipline)));
}

/// <summary>The submitted content of the three structured assessments (null: none submitted yet).</summary>
public sealed record SubmittedContents(NeurosurgeryContent? Neurosurgery, RadiationOncologyContent? RadiationOncology,
    MedicalOncologyContent? MedicalOncology)
{
    public BoardNomsResult BoardNoms(AssessmentContext context) =>
        Domain.Assessments.BoardNoms.Suggest(Neurosurgery, RadiationOncology, MedicalOncology, context);

    public IReadOnlyList<string> Disagreements() =>
        Domain.Assessments.Disagreements.Between(Neurosurgery, RadiationOncology, MedicalOncology);
}
