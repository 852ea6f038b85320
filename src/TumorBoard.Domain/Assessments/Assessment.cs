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
            throw new ForbiddenException($"Only a specialist in {discipline} may write the {discipline} assessment.");
    }

    /// <summary>Assessments are written before the board decides; a decided, closed or withdrawn case is locked.</summary>
    public static void RequireCaseOpen(CaseStatus status)
    {
        if (CaseStatuses.IsClosed(status))
            throw new DomainConflictException(status == CaseStatus.Withdrawn
                ? "The case was withdrawn: its assessments can no longer be written."
                : $"The case is {status}: its assessments are locked.");
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
            throw new DomainConflictException("The assessment was submitted: change it with a revision and a reason.");
        Append(AssessmentVersionKind.Draft, content, context, author, now, null);
    }

    /// <summary>Submits the current draft as it stands: a new Submission version with the same content, recomputed.</summary>
    public void Submit(AssessmentContext context, AssessmentAuthor author, DateTimeOffset now)
    {
        var content = CurrentContent;
        RequireWritable(author, content);
        if (Status != AssessmentStatus.Draft)
            throw new DomainConflictException("The assessment has already been submitted.");
        RequireComplete(content);
        Append(AssessmentVersionKind.Submission, content, context, author, now, null);
        Status = AssessmentStatus.Submitted;
        SubmittedVersionNumber = CurrentVersionNumber;
    }

    public void Revise(AssessmentContent content, string reason, AssessmentContext context, AssessmentAuthor author, DateTimeOffset now)
    {
        RequireWritable(author, content);
        if (Status != AssessmentStatus.Submitted)
            throw new DomainConflictException("Only a submitted assessment is revised; save the draft instead.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainConflictException("A revision needs a reason.");
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
            throw new DomainConflictException($"This is the {DisplayWords.InSentence(Discipline)} assessment, not {DisplayWords.InSentence(content.Discipline)}.");
        RequireAuthorOf(Discipline, author);
        if (Status == AssessmentStatus.Locked)
            throw new DomainConflictException("The case's decision is signed: the assessment is locked.");
    }

    static void RequireComplete(AssessmentContent content)
    {
        var missing = content.MissingForSubmission();
        if (missing.Count > 0)
            throw new DomainConflictException("The assessment is not complete. Missing: " + string.Join(", ", missing) + ".");
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
