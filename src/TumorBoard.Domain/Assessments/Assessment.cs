using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Domain.Assessments;

/// <summary>
/// A discipline's structured assessment of a case: one per discipline per case, written only by a specialist of that
/// discipline. Every save appends an immutable <see cref="AssessmentVersion"/>: Draft saves while in Draft, then one
/// Submission, then Revisions (each with a reason) until the case's decision is signed and the assessment is Locked.
/// </summary>
public sealed class Assessment
{
    public const int ReasonMaxLength = 1000;

    private Assessment() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Discipline Discipline { get; private set; }
    public AssessmentStatus Status { get; private set; }
    public int CurrentVersionNumber { get; private set; }
    public int? SubmittedVersionNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>PostgreSQL xmin row version (optimistic concurrency).</summary>
    public uint Version { get; private set; }
    public List<AssessmentVersion> Versions { get; private set; } = [];

    public AssessmentVersion Current => Versions.Single(v => v.Number == CurrentVersionNumber);

    public AssessmentContent CurrentContent => AssessmentJson.Deserialize(Discipline, Current.ContentJson);

    /// <summary>The discipline guard: only a specialist of the assessment's discipline writes it (the role is checked earlier).</summary>
    public static void RequireAuthorOf(Discipline discipline, AssessmentAuthor author)
    {
        if (author.Discipline != discipline)
            throw new ForbiddenException(new RuleText("Assessment.OnlySpecialist", RuleText.Name(discipline)));
    }

    /// <summary>Assessments are written before the board decides; a decided, closed or withdrawn case is locked.</summary>
    public static void RequireCaseOpen(CaseStatus status)
    {
        if (CaseStatuses.IsClosed(status))
            throw new DomainConflictException(status == CaseStatus.Withdrawn
                ? new RuleText("Assessment.CaseWithdrawn")
                : new RuleText("Assessment.CaseLocked", RuleText.Name(status)));
    }

    public static Assessment StartDraft(Guid caseId, AssessmentContent content, AssessmentContext context,
        AssessmentAuthor author, DateTimeOffset now)
    {
        RequireAuthorOf(content.Discipline, author);
        var a = new Assessment
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, Discipline = content.Discipline,
            Status = AssessmentStatus.Draft, CreatedAt = now,
        };
        a.Append(AssessmentVersionKind.Draft, content, context, author, now, null);
        return a;
    }

    public void SaveDraft(AssessmentContent content, AssessmentContext context, AssessmentAuthor author, DateTimeOffset now)
    {
        RequireWritable(author, content);
        if (Status != AssessmentStatus.Draft)
            throw new DomainConflictException(new RuleText("Assessment.SubmittedUseRevision"));
        Append(AssessmentVersionKind.Draft, content, context, author, now, null);
    }

    /// <summary>Submits the current draft as it stands: a new Submission version with the same content, recomputed.</summary>
    public void Submit(AssessmentContext context, AssessmentAuthor author, DateTimeOffset now)
    {
        var content = CurrentContent;
        RequireWritable(author, content);
        if (Status != AssessmentStatus.Draft)
            throw new DomainConflictException(new RuleText("Assessment.AlreadySubmitted"));
        RequireComplete(content);
        Append(AssessmentVersionKind.Submission, content, context, author, now, null);
        Status = AssessmentStatus.Submitted;
        SubmittedVersionNumber = CurrentVersionNumber;
    }

    public void Revise(AssessmentContent content, string reason, AssessmentContext context, AssessmentAuthor author, DateTimeOffset now)
    {
        RequireWritable(author, content);
        if (Status != AssessmentStatus.Submitted)
            throw new DomainConflictException(new RuleText("Assessment.ReviseOnlySubmitted"));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainConflictException(new RuleText("Assessment.RevisionReason"));
        RequireComplete(content);
        Append(AssessmentVersionKind.Revision, content, context, author, now, reason.Trim());
        SubmittedVersionNumber = CurrentVersionNumber;
    }

    /// <summary>Called when the case's decision is signed: no further versions (the decisions issue calls it).</summary>
    public void Lock(DateTimeOffset now)
    {
        Status = AssessmentStatus.Locked;
        UpdatedAt = now;
    }

    void RequireWritable(AssessmentAuthor author, AssessmentContent content)
    {
        if (content.Discipline != Discipline)
            throw new DomainConflictException(new RuleText("Assessment.WrongDiscipline", Discipline, content.Discipline));
        RequireAuthorOf(Discipline, author);
        if (Status == AssessmentStatus.Locked)
            throw new DomainConflictException(new RuleText("Assessment.DecisionSigned"));
    }

    static void RequireComplete(AssessmentContent content)
    {
        var missing = content.MissingForSubmission();
        if (missing.Count > 0)
            throw new DomainConflictException(new RuleText("Assessment.Incomplete", string.Join(", ", missing)));
    }

    void Append(AssessmentVersionKind kind, AssessmentContent content, AssessmentContext context, AssessmentAuthor author,
        DateTimeOffset now, string? reason)
    {
        var number = CurrentVersionNumber + 1;
        Versions.Add(new AssessmentVersion(Id, number, kind, author, now, reason,
            AssessmentJson.Serialize(content), AssessmentJson.Serialize(content.Evaluate(context))));
        CurrentVersionNumber = number;
        UpdatedAt = now;
    }
}
