using TumorBoard.Domain.Security;

namespace TumorBoard.Domain.Decisions;

/// <summary>An attending member's position on a draft decision. Dissent needs its reason.</summary>
public sealed class DecisionPosition
{
    public const int TextMaxLength = 2000;

    private DecisionPosition() { }

    internal DecisionPosition(Guid decisionId, BoardMember member, PositionKind kind, string? text, string contentHash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(); DecisionId = decisionId;
        Set(member, kind, text, contentHash, now);
    }

    public Guid Id { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid MemberId { get; private set; }
    public string MemberName { get; private set; } = "";
    public Discipline? Discipline { get; private set; }
    public PositionKind Kind { get; private set; }
    /// <summary>Why the member disagrees (required for Disagree), or a comment.</summary>
    public string? Text { get; private set; }
    /// <summary>The content hash of the draft the member took the position on: a later edit of the draft shows it as earlier.</summary>
    public string ContentHash { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    internal void Set(BoardMember member, PositionKind kind, string? text, string contentHash, DateTimeOffset now)
    {
        MemberId = member.Id; MemberName = member.Name; Discipline = member.Discipline;
        Kind = kind; Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(); ContentHash = contentHash; RecordedAt = now;
    }
}

/// <summary>A person acting on a decision: id, printed name and (for specialists) discipline.</summary>
public sealed record BoardMember(Guid Id, string Name, Discipline? Discipline);

/// <summary>
/// What happened to one plan step of a signed decision: the treatment actually given, kept apart from the board's
/// recommendation (practice.md (b)10, (b)13). Append-only: a later record for the same step is the current status.
/// </summary>
public sealed class DecisionFollowUp
{
    public const int TextMaxLength = 2000;

    private DecisionFollowUp() { }

    internal DecisionFollowUp(Guid decisionId, int stepNumber, FollowUpStatus status, DeviationReason? reason, string? reasonText,
        string? note, DateOnly? performedOn, BoardMember author, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(); DecisionId = decisionId; StepNumber = stepNumber; Status = status; PerformedOn = performedOn;
        Reason = reason; ReasonText = reasonText; Note = note; RecordedById = author.Id; RecordedByName = author.Name; RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DecisionId { get; private set; }
    /// <summary>1-based number of the plan step.</summary>
    public int StepNumber { get; private set; }
    public FollowUpStatus Status { get; private set; }
    public DeviationReason? Reason { get; private set; }
    public string? ReasonText { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The board's local day the step was actually done (implemented or partially): not the day it was recorded.</summary>
    public DateOnly? PerformedOn { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>
/// The chair's audited waiver of a missing discipline assessment for one agenda item (practice.md (d)6): the decision
/// can then be signed without that discipline's submitted assessment. Append-only, one per item and discipline.
/// </summary>
public sealed class AssessmentWaiver
{
    public const int ReasonMaxLength = 1000;

    private AssessmentWaiver() { }

    public AssessmentWaiver(Guid meetingId, Guid agendaItemId, Guid caseId, Discipline discipline, string reason, BoardMember chair, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(); MeetingId = meetingId; AgendaItemId = agendaItemId; CaseId = caseId; Discipline = discipline;
        Reason = reason.Trim(); WaivedById = chair.Id; WaivedByName = chair.Name; WaivedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public Guid CaseId { get; private set; }
    public Discipline Discipline { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid WaivedById { get; private set; }
    public string WaivedByName { get; private set; } = "";
    public DateTimeOffset WaivedAt { get; private set; }
}
