using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;

namespace TumorBoard.Domain.Meetings;

/// <summary>
/// A board meeting and its agenda. Every agenda change touches the meeting row, so two coordinators editing
/// one agenda meet on the meeting's xmin version (409 for the slower one), and the database checks
/// agenda_count &lt;= capacity.
/// </summary>
public sealed class Meeting
{
    public static readonly TimeSpan DefaultCutoff = TimeSpan.FromHours(24);
    /// <summary>The late-addition reason recorded for a P1 case added after the cut-off without one.</summary>
    public const string EmergencyLateReason = "P1 emergency (MSCC fast track)";

    private Meeting() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public int DurationMinutes { get; private set; }
    public string? Location { get; private set; }
    public string? VideoLink { get; private set; }
    public Guid ChairId { get; private set; }
    public int Capacity { get; private set; }
    public DateTimeOffset SubmissionCutoff { get; private set; }
    public MeetingStatus Status { get; private set; }
    public string? CancellationReason { get; private set; }
    public Guid? SeriesId { get; private set; }
    /// <summary>Active (not removed) agenda items; kept on the row for the capacity check constraint.</summary>
    public int AgendaCount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedBy { get; private set; }
    public uint Version { get; private set; }
    /// <summary>The calendar revision (RFC 5545 SEQUENCE): 0 when planned, one more with every change a calendar shows
    /// (title, start, duration, place, video link, cancellation); other changes (capacity, agenda, attendance) leave it.</summary>
    public int CalendarRevision { get; private set; }

    public List<AgendaItem> Agenda { get; private set; } = [];
    public List<MeetingAttendee> Attendees { get; private set; } = [];

    public static Meeting Plan(MeetingPlan plan, Guid? seriesId, Guid actor, DateTimeOffset now)
    {
        var m = new Meeting { Id = Guid.CreateVersion7(), Status = MeetingStatus.Planned, SeriesId = seriesId, CreatedAt = now, CreatedBy = actor };
        m.Apply(plan, actor, now);
        return m;
    }

    public void Update(MeetingPlan plan, Guid actor, DateTimeOffset now)
    {
        RequireStatus(MeetingStatus.Planned, "Changed");
        if (plan.Capacity < AgendaCount)
            throw new DomainConflictException(new RuleText("Meeting.CapacityBelowAgenda", AgendaCount));
        Apply(plan, actor, now);
    }

    void Apply(MeetingPlan p, Guid actor, DateTimeOffset now)
    {
        // Kept in UTC whatever offset the client wrote them with (PostgreSQL's timestamptz takes UTC only).
        // What a calendar shows, the start to the second as the .ics carries it (a stored start is rounded to microseconds).
        var shown = (Title, Seconds(StartsAt), DurationMinutes, Location, VideoLink);
        Title = p.Title.Trim(); StartsAt = p.StartsAt.ToUniversalTime(); DurationMinutes = p.DurationMinutes;
        Location = Blank(p.Location); VideoLink = Blank(p.VideoLink); ChairId = p.ChairId; Capacity = p.Capacity;
        if (UpdatedAt != default && shown != (Title, Seconds(StartsAt), DurationMinutes, Location, VideoLink)) CalendarRevision++;
        SubmissionCutoff = (p.SubmissionCutoff ?? p.StartsAt - DefaultCutoff).ToUniversalTime();
        if (SubmissionCutoff > StartsAt) throw new DomainConflictException(new RuleText("Meeting.CutoffAfterStart"));
        Touch(actor, now);
    }

    public IEnumerable<AgendaItem> ActiveAgenda => Agenda.Where(i => i.IsActive).OrderBy(i => i.Position);
    public bool IsOpen => Status is MeetingStatus.Planned or MeetingStatus.InProgress;
    public bool IsPastCutoff(DateTimeOffset now) => now > SubmissionCutoff;
    public IReadOnlyList<Discipline> MissingForQuorum => Quorum.Missing(Attendees.Select(a => a.Discipline));
    public bool HasQuorum => MissingForQuorum.Count == 0;

    /// <summary>
    /// Puts a ReadyForBoard case on the agenda. After the cut-off only an urgent case, a P1 emergency of the MSCC fast track
    /// (pathways.md §1.4: whatever its urgency field says, it cannot wait for the next meeting), or a stated reason.
    /// </summary>
    public AgendaItem AddCase(TumorBoardCase tumorCase, string? lateReason, Guid actor, DateTimeOffset now,
        TriageLevel triage = TriageLevel.Routine)
    {
        RequireStatus(MeetingStatus.Planned, "GivenCases");
        if (AgendaCount >= Capacity)
            throw new DomainConflictException(new RuleText("Meeting.Full", Capacity));
        var late = IsPastCutoff(now);
        var emergency = triage == TriageLevel.P1;
        if (late && tumorCase.Urgency != Urgency.Urgent && !emergency && string.IsNullOrWhiteSpace(lateReason))
            throw new DomainConflictException(new RuleText("Meeting.CutoffPassed"));
        tumorCase.Schedule(actor, now);
        var item = new AgendaItem(Id, tumorCase.Id, ActiveAgenda.Select(i => i.Position).DefaultIfEmpty(0).Max() + 1,
            late, late ? Blank(lateReason) ?? (emergency ? EmergencyLateReason : "Urgent case") : null, actor, now);
        Agenda.Add(item);
        AgendaCount++;
        Touch(actor, now);
        return item;
    }

    public void RemoveCase(Guid itemId, TumorBoardCase tumorCase, string reason, Guid actor, DateTimeOffset now)
    {
        RequireStatus(MeetingStatus.Planned, "Changed");
        var item = ScheduledItem(itemId, tumorCase);
        item.Status = AgendaItemStatus.Removed;
        item.Reason = reason.Trim();
        tumorCase.Unschedule(actor, now);
        AgendaCount--;
        Renumber();
        Touch(actor, now);
    }

    /// <summary>Sets the order of the active agenda; the list must name every active item once.</summary>
    public void Reorder(IReadOnlyList<Guid> itemIds, Guid actor, DateTimeOffset now)
    {
        if (!IsOpen) throw new DomainConflictException(new RuleText("Meeting.NoReorder", Status));
        var active = ActiveAgenda.ToList();
        if (itemIds.Count != active.Count || !active.All(i => itemIds.Contains(i.Id)))
            throw new DomainConflictException(new RuleText("Meeting.OrderEveryCase"));
        foreach (var item in active) item.Position = itemIds.ToList().IndexOf(item.Id) + 1;
        Touch(actor, now);
    }

    public void Move(Guid itemId, int offset, Guid actor, DateTimeOffset now)
    {
        var order = ActiveAgenda.Select(i => i.Id).ToList();
        var index = order.IndexOf(itemId);
        if (index < 0) throw NotFoundException.For("Agenda item", itemId);
        var target = Math.Clamp(index + offset, 0, order.Count - 1);
        order.RemoveAt(index);
        order.Insert(target, itemId);
        Reorder(order, actor, now);
    }

    public void SetMinutes(Guid itemId, int? minutes, Guid actor, DateTimeOffset now)
    {
        if (!IsOpen) throw new DomainConflictException(new RuleText("Meeting.NoChange", Status));
        var item = ActiveAgenda.FirstOrDefault(i => i.Id == itemId) ?? throw NotFoundException.For("Agenda item", itemId);
        item.Minutes = minutes;
        Touch(actor, now);
    }

    public void Start(Guid actor, DateTimeOffset now)
    {
        RequireStatus(MeetingStatus.Planned, "Started");
        Status = MeetingStatus.InProgress;
        Touch(actor, now);
    }

    public void MarkDiscussed(Guid itemId, TumorBoardCase tumorCase, Guid actor, DateTimeOffset now)
    {
        RequireStatus(MeetingStatus.InProgress, "RecordDiscussion");
        var item = ScheduledItem(itemId, tumorCase);
        tumorCase.MarkDiscussed(actor, now);
        item.Status = AgendaItemStatus.Discussed;
        Touch(actor, now);
    }

    /// <summary>Not discussed this time: the case returns to ReadyForBoard, to be listed again. Only in a running meeting;
    /// before it starts a coordinator removes the case instead.</summary>
    public void Defer(Guid itemId, TumorBoardCase tumorCase, string reason, Guid actor, DateTimeOffset now)
    {
        RequireStatus(MeetingStatus.InProgress, "DeferCase");
        var item = ScheduledItem(itemId, tumorCase);
        tumorCase.Unschedule(actor, now);
        item.Status = AgendaItemStatus.Deferred;
        item.Reason = reason.Trim();
        Touch(actor, now);
    }

    /// <summary>
    /// The case's decision was signed in this meeting: the agenda item becomes Decided, and the case Decided, or, when the
    /// board needs more information, ReadyForBoard again to be re-listed (issue #6; practice.md (d)11).
    /// </summary>
    public void RecordDecision(Guid itemId, TumorBoardCase tumorCase, bool relist, Guid actor, DateTimeOffset now)
    {
        RequireStatus(MeetingStatus.InProgress, "RecordDecision");
        var item = Agenda.FirstOrDefault(i => i.Id == itemId) ?? throw NotFoundException.For("Agenda item", itemId);
        if (item.CaseId != tumorCase.Id) throw new InvalidOperationException("The case does not belong to this agenda item.");
        if (item.Status is not (AgendaItemStatus.Scheduled or AgendaItemStatus.Discussed))
            throw new DomainConflictException(new RuleText("Meeting.ItemAlready", item.Status));
        if (relist) tumorCase.Relist(actor, now);
        else tumorCase.MarkDecided(actor, now);
        item.Status = AgendaItemStatus.Decided;
        Touch(actor, now);
    }

    public void Close(Guid actor, DateTimeOffset now)
    {
        RequireStatus(MeetingStatus.InProgress, "Closed");
        var open = ActiveAgenda.Count(i => i.Status == AgendaItemStatus.Scheduled);
        if (open > 0)
            throw new DomainConflictException(new RuleText("Meeting.OpenItems", open));
        Status = MeetingStatus.Closed;
        Touch(actor, now);
    }

    /// <summary>Cancels a planned meeting; its cases return to ReadyForBoard.</summary>
    public void Cancel(string reason, IReadOnlyDictionary<Guid, TumorBoardCase> cases, Guid actor, DateTimeOffset now)
    {
        RequireStatus(MeetingStatus.Planned, "Cancelled");
        foreach (var item in ActiveAgenda.ToList())
        {
            item.Status = AgendaItemStatus.Removed;
            item.Reason = "Meeting cancelled";
            cases[item.CaseId].Unschedule(actor, now);
        }
        AgendaCount = 0;
        Status = MeetingStatus.Cancelled;
        CancellationReason = reason.Trim();
        CalendarRevision++;
        Touch(actor, now);
    }

    /// <summary>Replaces the attendance list (the chair or a coordinator records who is present).</summary>
    public void RecordAttendance(IEnumerable<(Guid UserId, Discipline? Discipline)> present, Guid actor, DateTimeOffset now)
    {
        if (Status is MeetingStatus.Cancelled or MeetingStatus.Closed)
            throw new DomainConflictException(new RuleText("Meeting.NoAttendance", Status));
        var wanted = present.DistinctBy(p => p.UserId).ToList();
        Attendees.RemoveAll(a => wanted.All(w => w.UserId != a.UserId));
        foreach (var p in wanted.Where(p => Attendees.All(a => a.UserId != p.UserId)))
            Attendees.Add(new MeetingAttendee(Id, p.UserId, p.Discipline, actor, now));
        Touch(actor, now);
    }

    AgendaItem ScheduledItem(Guid itemId, TumorBoardCase tumorCase)
    {
        var item = Agenda.FirstOrDefault(i => i.Id == itemId) ?? throw NotFoundException.For("Agenda item", itemId);
        if (item.CaseId != tumorCase.Id) throw new InvalidOperationException("The case does not belong to this agenda item.");
        if (item.Status != AgendaItemStatus.Scheduled)
            throw new DomainConflictException(new RuleText("Meeting.ItemAlready", item.Status));
        return item;
    }

    void Renumber()
    {
        var n = 1;
        foreach (var item in ActiveAgenda.ToList()) item.Position = n++;
    }

    void RequireStatus(MeetingStatus status, string what)
    {
        if (Status != status) throw new DomainConflictException(new RuleText("Meeting.OnlyIf." + what, Status, status));
    }

    void Touch(Guid actor, DateTimeOffset now) { UpdatedAt = now; UpdatedBy = actor; }

    static long Seconds(DateTimeOffset t) => t.UtcTicks / TimeSpan.TicksPerSecond;

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record MeetingPlan(string Title, DateTimeOffset StartsAt, int DurationMinutes, string? Location, string? VideoLink,
    Guid ChairId, int Capacity, DateTimeOffset? SubmissionCutoff);
