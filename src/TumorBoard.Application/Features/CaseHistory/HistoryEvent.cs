using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.CaseHistory;

/// <summary>What happened to a case, as the decision history lists it. The names are stable: API clients filter on them.</summary>
public enum HistoryEventKind
{
    CaseRegistered,
    CaseStatusChanged,
    CaseEdited,
    Scheduled,
    Removed,
    Deferred,
    Discussed,
    AssessmentVersion,
    WaiverRecorded,
    DecisionDrafted,
    DecisionAmended,
    DecisionRevised,
    PositionTaken,
    DecisionSigned,
    DecisionSuperseded,
    FollowUpRecorded,
    PatientLetterWritten,
    PatientLetterSent,
}

/// <summary>Where the event's facts come from: the clinical record itself, or (for what the record keeps no trace of) the audit trail.</summary>
public enum HistorySource { Record, AuditTrail }

/// <summary>One entry of a case's decision history: when (UTC), what, who, and the records it is about.</summary>
public sealed record HistoryEvent
{
    public DateTimeOffset OccurredAt { get; init; }
    public HistoryEventKind Kind { get; init; }
    /// <summary>The person's printed name at the time; null when unknown.</summary>
    public string? ActorName { get; init; }
    public string Summary { get; init; } = "";

    /// <summary>The <see cref="Summary"/> as a text (sets the English <see cref="Summary"/>; not in the JSON, which keeps the English).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TumorBoard.Domain.Common.RuleText? SummaryText
    {
        get => summaryText;
        init { summaryText = value; if (value is not null) Summary = value.English; }
    }

    readonly TumorBoard.Domain.Common.RuleText? summaryText;

    /// <summary>The summary in the current UI culture (English where it is not a text).</summary>
    public string LocalSummary() => summaryText?.Local() ?? Summary;
    /// <summary>A reason, a position's text, a follow-up note: the words as written.</summary>
    public string? Text { get; init; }
    /// <summary>The discipline the event belongs to (assessments, waivers, a member's position).</summary>
    public Discipline? Discipline { get; init; }
    public Guid? MeetingId { get; init; }
    public Guid? AgendaItemId { get; init; }
    public Guid? AssessmentId { get; init; }
    public int? AssessmentVersion { get; init; }
    public Guid? DecisionId { get; init; }
    public int? DecisionNumber { get; init; }
    /// <summary>For a position: agree, disagree (dissent) or abstain.</summary>
    public PositionKind? Position { get; init; }
    /// <summary>Field changes, for edits reconstructed from the audit trail (a case edit, a change of a draft decision).</summary>
    public IReadOnlyList<LabelledChange> Changes { get; init; } = [];
    public HistorySource Source { get; init; }

    /// <summary>Order of events at the same instant: signing comes before the supersession and the re-listing it causes.</summary>
    internal static int Rank(HistoryEventKind kind) => kind switch
    {
        HistoryEventKind.DecisionSigned => 100,
        HistoryEventKind.DecisionSuperseded => 101,
        HistoryEventKind.Scheduled => 102,
        _ => (int)kind,
    };
}
