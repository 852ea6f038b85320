using TumorBoard.Domain.Security;

namespace TumorBoard.Domain.Meetings;

public enum MeetingStatus { Planned, InProgress, Closed, Cancelled }

/// <summary>Scheduled: on the agenda. Discussed/Decided/Deferred: handled in the meeting. Removed: taken off before it.</summary>
public enum AgendaItemStatus { Scheduled, Discussed, Decided, Deferred, Removed }

/// <summary>One case on a meeting's agenda.</summary>
public sealed class AgendaItem
{
    private AgendaItem() { }

    internal AgendaItem(Guid meetingId, Guid caseId, int position, bool late, string? lateReason, Guid actor, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(); MeetingId = meetingId; CaseId = caseId; Position = position;
        Status = AgendaItemStatus.Scheduled; IsLateAddition = late; LateAdditionReason = lateReason;
        AddedAt = now; AddedBy = actor;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid CaseId { get; private set; }
    public int Position { get; internal set; }
    public int? Minutes { get; internal set; }
    public AgendaItemStatus Status { get; internal set; }
    public bool IsLateAddition { get; private set; }
    public string? LateAdditionReason { get; private set; }
    /// <summary>Why it was removed or deferred.</summary>
    public string? Reason { get; internal set; }
    public DateTimeOffset AddedAt { get; private set; }
    public Guid AddedBy { get; private set; }

    public bool IsActive => Status != AgendaItemStatus.Removed;
}

/// <summary>A member recorded as present, with the discipline they attended for.</summary>
public sealed class MeetingAttendee
{
    private MeetingAttendee() { }

    internal MeetingAttendee(Guid meetingId, Guid userId, Discipline? discipline, Guid actor, DateTimeOffset now)
    {
        MeetingId = meetingId; UserId = userId; Discipline = discipline; RecordedAt = now; RecordedBy = actor;
    }

    public Guid MeetingId { get; private set; }
    public Guid UserId { get; private set; }
    public Discipline? Discipline { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid RecordedBy { get; private set; }
}

/// <summary>Quorum: at least one member each of medical oncology, radiation oncology and neurosurgery.</summary>
public static class Quorum
{
    public static readonly Discipline[] Required = [Discipline.MedicalOncology, Discipline.RadiationOncology, Discipline.Neurosurgery];

    public static IReadOnlyList<Discipline> Missing(IEnumerable<Discipline?> present)
    {
        var set = present.OfType<Discipline>().ToHashSet();
        return Required.Where(d => !set.Contains(d)).ToList();
    }
}
