namespace TumorBoard.Domain.Assessments;

/// <summary>
/// One saved state of an assessment: immutable once written (the database refuses UPDATE and DELETE on it).
/// It carries the full content, the scores computed from it, and who wrote it when.
/// </summary>
public sealed class AssessmentVersion
{
    private AssessmentVersion() { }

    internal AssessmentVersion(Guid assessmentId, int number, AssessmentVersionKind kind, AssessmentAuthor author,
        DateTimeOffset now, string? reason, string contentJson, string computedJson)
    {
        Id = Guid.CreateVersion7(); AssessmentId = assessmentId; Number = number; Kind = kind;
        AuthorId = author.Id; AuthorName = author.Name; CreatedAt = now; Reason = reason;
        ContentJson = contentJson; ComputedJson = computedJson;
    }

    public Guid Id { get; private set; }
    public Guid AssessmentId { get; private set; }
    public int Number { get; private set; }
    public AssessmentVersionKind Kind { get; private set; }
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Why a submitted assessment was revised (revisions only).</summary>
    public string? Reason { get; private set; }
    public string ContentJson { get; private set; } = "{}";
    /// <summary>The computed scores and warnings (<see cref="AssessmentEvaluation"/>) at the time of writing.</summary>
    public string ComputedJson { get; private set; } = "{}";
}

/// <summary>Who writes a version: a specialist, with the discipline from their account.</summary>
public sealed record AssessmentAuthor(Guid Id, string Name, Security.Discipline? Discipline);
