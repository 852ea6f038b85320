namespace TumorBoard.Domain.Mscc;

/// <summary>The targets of the clocks (pathways.md §1.2): the NICE values; the source says to make them configurable.</summary>
public sealed record MsccTargets(TimeSpan P1, TimeSpan P2, TimeSpan Radiotherapy)
{
    public static readonly MsccTargets Nice = new(TimeSpan.FromHours(24), TimeSpan.FromDays(7), TimeSpan.FromHours(24));
}

/// <summary>Everything the clocks of one case are computed from (all instants UTC).</summary>
public sealed record ClockInputs
{
    public TriageLevel Triage { get; init; }
    public DateTimeOffset CaseRegisteredAt { get; init; }
    /// <summary>The latest recorded instant of each pathway event.</summary>
    public IReadOnlyDictionary<MsccEvent, DateTimeOffset> Events { get; init; } = new Dictionary<MsccEvent, DateTimeOffset>();
    /// <summary>When the treatment plan was agreed: the first signed decision of the case.</summary>
    public DateTimeOffset? PlanAgreedAt { get; init; }
    /// <summary>When the board decided on radiotherapy without surgery (null: no such decision).</summary>
    public DateTimeOffset? RadiotherapyDecidedAt { get; init; }
    /// <summary>When radiotherapy started (from the follow-up's date performed, the start of that local day).</summary>
    public DateTimeOffset? RadiotherapyStartedAt { get; init; }
}

/// <summary>One clock: started, due, stopped (null while running). <see cref="StartedFrom"/> says what started it.</summary>
public sealed record PathwayClock(MsccClockName Name, DateTimeOffset StartedAt, string StartedFrom, DateTimeOffset DueAt, DateTimeOffset? StoppedAt)
{
    /// <summary>Met when stopped by the due time (the target is "within": exactly at the due time is met); breached when
    /// stopped later, or when still running after the due time.</summary>
    public ClockState StateAt(DateTimeOffset now) => StoppedAt is { } stop
        ? stop <= DueAt ? ClockState.Met : ClockState.Breached
        : now <= DueAt ? ClockState.Running : ClockState.Breached;

    /// <summary>Time left (positive) or overrun (negative): to the stop when stopped, else to now.</summary>
    public TimeSpan LeftAt(DateTimeOffset now) => DueAt - (StoppedAt ?? now);
}

/// <summary>
/// The pathway clocks of a case (pathways.md §1.2). P1: whole-spine MRI and the treatment plan within 24 h of the
/// suspicion of MSCC, and radiotherapy within 24 h of a decision to treat with radiotherapy without surgery. P2: MRI and
/// plan within a week. Routine: no clocks. The suspicion starts the clocks; when it is not recorded, the first contact,
/// else the case's registration (said in <see cref="PathwayClock.StartedFrom"/>, never silently).
/// </summary>
public static class PathwayClocks
{
    public static IReadOnlyList<PathwayClock> For(ClockInputs i, MsccTargets? targets = null)
    {
        var t = targets ?? MsccTargets.Nice;
        if (i.Triage == TriageLevel.Routine) return [];
        var target = i.Triage == TriageLevel.P1 ? t.P1 : t.P2;

        var (start, from) = i.Events.TryGetValue(MsccEvent.MsccSuspected, out var s) ? (s, nameof(MsccEvent.MsccSuspected))
            : i.Events.TryGetValue(MsccEvent.FirstContact, out var f) ? (f, nameof(MsccEvent.FirstContact))
            : (i.CaseRegisteredAt, "CaseRegistered");

        List<PathwayClock> clocks =
        [
            new(MsccClockName.Mri, start, from, start + target, i.Events.TryGetValue(MsccEvent.MriWholeSpineDone, out var mri) ? mri : null),
            new(MsccClockName.TreatmentPlan, start, from, start + target, i.PlanAgreedAt),
        ];
        if (i.Triage == TriageLevel.P1 && i.RadiotherapyDecidedAt is { } decided)
            clocks.Add(new(MsccClockName.RadiotherapyStart, decided, "DecisionSigned", decided + t.Radiotherapy, i.RadiotherapyStartedAt));
        return clocks;
    }

    /// <summary>
    /// The worklist's sort key: the earliest due time among the clocks that still need attention — running ones, and
    /// breached ones without a reason (<paramref name="explained"/> lists the clocks that have one); null when none does.
    /// </summary>
    public static DateTimeOffset? NextDue(IEnumerable<PathwayClock> clocks, IReadOnlySet<MsccClockName> explained) =>
        clocks.Where(c => c.StoppedAt is null || (c.StoppedAt > c.DueAt && !explained.Contains(c.Name)))
            .Select(c => (DateTimeOffset?)c.DueAt).Min();
}
