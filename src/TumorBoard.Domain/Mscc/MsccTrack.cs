using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Mscc;

/// <summary>
/// The fast-track state of one case (pathways.md §1): the derived triage with its reasons, the coordinator's raise, and
/// the clocks as last computed, kept as columns so that the case list can filter by triage and the worklist can page by
/// due time from an index. It is refreshed on every save that touches what it is derived from, never edited directly
/// (the raise excepted); every change is in the audit trail.
/// </summary>
public sealed class MsccTrack
{
    public const int ReasonMaxLength = 1000;

    private MsccTrack() { }

    public static MsccTrack Start(Guid caseId) => new() { CaseId = caseId };

    public Guid CaseId { get; private set; }
    /// <summary>The class in force: derived, or raised when the raise is higher.</summary>
    public TriageLevel Triage { get; private set; }
    public TriageLevel DerivedTriage { get; private set; }
    public List<string> DerivedReasons { get; private set; } = [];
    public TriageLevel? RaisedTriage { get; private set; }
    public string? RaiseReason { get; private set; }
    public Guid? RaisedById { get; private set; }
    public string? RaisedByName { get; private set; }
    public DateTimeOffset? RaisedAt { get; private set; }
    public List<PathwayClock> Clocks { get; private set; } = [];
    /// <summary>The coded reason in force for each breached clock that has one (the latest per clock), copied from the
    /// append-only <see cref="MsccBreachExplanation"/> rows so that reading a case or the worklist reads this row alone.</summary>
    public List<BreachNote> BreachNotes { get; private set; } = [];
    /// <summary>The worklist key (<see cref="PathwayClocks.NextDue"/>); null: not on the worklist.</summary>
    public DateTimeOffset? NextDueAt { get; private set; }

    public TriageDerivation Derivation => new(DerivedTriage, DerivedReasons);

    /// <summary>
    /// The coordinator raises the class above what is in force, with a reason; lowering (or "raising" to the same class)
    /// is refused: a derived P1 stays P1 until the case's findings change.
    /// </summary>
    public void Raise(TriageLevel to, string reason, Guid actorId, string actorName, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainConflictException(new RuleText("Triage.RaiseReason"));
        if (to <= Triage)
            throw new DomainConflictException(new RuleText("Triage.OnlyRaise", RuleText.Word(Triage)));
        RaisedTriage = to; RaiseReason = reason.Trim(); RaisedById = actorId; RaisedByName = actorName; RaisedAt = now;
        Triage = InForce(DerivedTriage);
    }

    /// <summary>Stores a new derivation and the clocks computed for the class in force.</summary>
    public void Refresh(TriageDerivation derived, Func<TriageLevel, IReadOnlyList<PathwayClock>> clocksFor,
        IEnumerable<MsccBreachExplanation> explanations, bool open)
    {
        DerivedTriage = derived.Level;
        if (!DerivedReasons.SequenceEqual(derived.Reasons)) DerivedReasons = [.. derived.Reasons];
        Triage = InForce(derived.Level);
        var clocks = clocksFor(Triage);
        if (!Clocks.SequenceEqual(clocks)) Clocks = [.. clocks];
        List<BreachNote> notes = [.. explanations.GroupBy(x => x.Clock).OrderBy(g => g.Key)
            .Select(g => g.OrderBy(x => x.RecordedAt).ThenBy(x => x.Id).Last())
            .Select(x => new BreachNote(x.Clock, x.Reason, x.Text, x.RecordedByName, x.RecordedAt))];
        if (!BreachNotes.SequenceEqual(notes)) BreachNotes = notes;
        NextDueAt = open ? PathwayClocks.NextDue(Clocks, BreachNotes.Select(n => n.Clock).ToHashSet()) : null;
    }

    TriageLevel InForce(TriageLevel derived) => Mscc.Triage.Effective(derived, RaisedTriage);
}

/// <summary>The coded reason in force for a breached clock: who gave it and when.</summary>
public sealed record BreachNote(MsccClockName Clock, BreachReason Reason, string? Text, string ByName, DateTimeOffset At);

/// <summary>A pathway moment recorded on a case (pathways.md §1.2). Append-only: a correction is a newer row for the same
/// event; the latest row per event is the one in force, the older ones are its history.</summary>
public sealed class MsccTimestamp
{
    public const int NoteMaxLength = 1000;

    private MsccTimestamp() { }

    public MsccTimestamp(Guid caseId, MsccEvent kind, DateTimeOffset occurredAt, string? note, Guid actorId, string actorName, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(); CaseId = caseId; Event = kind; OccurredAt = occurredAt;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedById = actorId; RecordedByName = actorName; RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public MsccEvent Event { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? Note { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>The coded reason a clock was breached (pathways.md §1.3). Append-only; the latest per clock is in force.</summary>
public sealed class MsccBreachExplanation
{
    public const int TextMaxLength = 1000;

    private MsccBreachExplanation() { }

    public MsccBreachExplanation(Guid caseId, MsccClockName clock, BreachReason reason, string? text, Guid actorId, string actorName, DateTimeOffset now)
    {
        if (reason == BreachReason.Other && string.IsNullOrWhiteSpace(text))
            throw new DomainConflictException(new RuleText("Mscc.BreachOtherReason"));
        Id = Guid.CreateVersion7(); CaseId = caseId; Clock = clock; Reason = reason;
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        RecordedById = actorId; RecordedByName = actorName; RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public MsccClockName Clock { get; private set; }
    public BreachReason Reason { get; private set; }
    public string? Text { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}
