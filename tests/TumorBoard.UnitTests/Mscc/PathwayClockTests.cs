using TumorBoard.Domain.Mscc;

namespace TumorBoard.UnitTests.Mscc;

/// <summary>The clock table (pathways.md §1.2): each threshold at its boundary.</summary>
public class PathwayClockTests
{
    static readonly DateTimeOffset Suspected = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    static ClockInputs P1(DateTimeOffset? mri = null, DateTimeOffset? plan = null) => new()
    {
        Triage = TriageLevel.P1, CaseRegisteredAt = Suspected.AddHours(-2),
        Events = mri is { } m
            ? new Dictionary<MsccEvent, DateTimeOffset> { [MsccEvent.MsccSuspected] = Suspected, [MsccEvent.MriWholeSpineDone] = m }
            : new Dictionary<MsccEvent, DateTimeOffset> { [MsccEvent.MsccSuspected] = Suspected },
        PlanAgreedAt = plan,
    };

    static PathwayClock Clock(ClockInputs i, MsccClockName name) => PathwayClocks.For(i).Single(c => c.Name == name);

    [Theory]
    [InlineData(23 * 60 + 59, ClockState.Met)]
    [InlineData(24 * 60, ClockState.Met)]          // "within 24 h": exactly at the due time is met
    [InlineData(24 * 60 + 1, ClockState.Breached)]
    public void P1_MRI_is_met_within_24_hours_of_the_suspicion(int minutes, ClockState state)
    {
        var c = Clock(P1(mri: Suspected.AddMinutes(minutes)), MsccClockName.Mri);
        c.DueAt.ShouldBe(Suspected.AddHours(24));
        c.StateAt(Suspected.AddDays(3)).ShouldBe(state);
    }

    [Theory]
    [InlineData(23 * 60 + 59, ClockState.Running, 1)]
    [InlineData(24 * 60 + 1, ClockState.Breached, -1)]
    public void A_running_P1_plan_clock_breaches_after_24_hours(int minutesNow, ClockState state, int minutesLeft)
    {
        var c = Clock(P1(), MsccClockName.TreatmentPlan);
        var now = Suspected.AddMinutes(minutesNow);
        c.StateAt(now).ShouldBe(state);
        c.LeftAt(now).TotalMinutes.ShouldBe(minutesLeft);
    }

    [Theory]
    [InlineData(7 * 24 * 60 - 1, ClockState.Met)]
    [InlineData(7 * 24 * 60 + 1, ClockState.Breached)]
    public void P2_plan_is_due_within_a_week(int minutes, ClockState state)
    {
        var c = Clock(P1(plan: Suspected.AddMinutes(minutes)) with { Triage = TriageLevel.P2 }, MsccClockName.TreatmentPlan);
        c.DueAt.ShouldBe(Suspected.AddDays(7));
        c.StateAt(Suspected.AddDays(30)).ShouldBe(state);
    }

    [Theory]
    [InlineData(23 * 60 + 59, ClockState.Met)]
    [InlineData(24 * 60 + 1, ClockState.Breached)]
    public void P1_radiotherapy_starts_within_24_hours_of_the_decision(int minutes, ClockState state)
    {
        var decided = Suspected.AddHours(10);
        var c = Clock(P1() with { RadiotherapyDecidedAt = decided, RadiotherapyStartedAt = decided.AddMinutes(minutes) },
            MsccClockName.RadiotherapyStart);
        c.StartedFrom.ShouldBe("DecisionSigned");
        c.StateAt(decided.AddDays(5)).ShouldBe(state);
    }

    [Fact]
    public void Routine_has_no_clocks_and_P2_no_radiotherapy_clock()
    {
        PathwayClocks.For(P1() with { Triage = TriageLevel.Routine }).ShouldBeEmpty();
        PathwayClocks.For(P1() with { Triage = TriageLevel.P2, RadiotherapyDecidedAt = Suspected })
            .Select(c => c.Name).ShouldBe([MsccClockName.Mri, MsccClockName.TreatmentPlan]);
    }

    [Fact]
    public void Without_a_recorded_suspicion_the_clocks_start_at_first_contact_then_at_registration_and_say_so()
    {
        var registered = Suspected.AddHours(-2);
        var none = PathwayClocks.For(new() { Triage = TriageLevel.P1, CaseRegisteredAt = registered });
        none[0].StartedAt.ShouldBe(registered);
        none[0].StartedFrom.ShouldBe("CaseRegistered");
        var contact = PathwayClocks.For(new()
        {
            Triage = TriageLevel.P1, CaseRegisteredAt = registered,
            Events = new Dictionary<MsccEvent, DateTimeOffset> { [MsccEvent.FirstContact] = Suspected.AddHours(-1) },
        });
        contact[0].StartedFrom.ShouldBe(nameof(MsccEvent.FirstContact));
    }

    [Fact]
    public void The_worklist_key_is_the_earliest_due_of_running_or_unexplained_breached_clocks()
    {
        var clocks = PathwayClocks.For(P1(mri: Suspected.AddHours(30)));   // MRI breached (stopped late), plan running
        PathwayClocks.NextDue(clocks, new HashSet<MsccClockName>()).ShouldBe(Suspected.AddHours(24));
        var allDone = PathwayClocks.For(P1(mri: Suspected.AddHours(30), plan: Suspected.AddHours(2)));
        PathwayClocks.NextDue(allDone, new HashSet<MsccClockName>()).ShouldBe(Suspected.AddHours(24));
        PathwayClocks.NextDue(allDone, new HashSet<MsccClockName> { MsccClockName.Mri }).ShouldBeNull();
    }
}
