using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.FastTrack;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Mscc;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.FastTrack;

/// <summary>The MSCC fast track through the mediator against PostgreSQL (pathways.md §1).</summary>
[Collection(AppCollection.Name)]
public sealed class FastTrackTests(AppFixture app) : DatabaseTest(app)
{
    /// <summary>A case without neurology (Frankel E, no myelopathy, no symptoms): Routine.</summary>
    static RegisterCase.Command Calm(RegisterCase.Command c) => c with { Frankel = FrankelGrade.E, Asia = null, Myelopathy = false, MsccSymptoms = [] };

    [Fact]
    public async Task A_case_with_difficulty_walking_is_P1_with_running_clocks_and_says_why()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, c => Calm(c) with { MsccSymptoms = [MsccSymptom.DifficultyWalking] });

        var read = await app.Send(AppFixture.Clinician, new GetCase.Query(caseId));
        read.Triage.ShouldBe(TriageLevel.P1);
        read.Clocks.Select(k => k.Name).ShouldBe([MsccClockName.Mri, MsccClockName.TreatmentPlan]);
        read.Clocks.ShouldAllBe(k => k.State == ClockState.Running && k.StartedFrom == "CaseRegistered");
        read.Clocks[0].DueAt.ShouldBe(read.CreatedAt.AddHours(24), TimeSpan.FromSeconds(1));

        var track = await app.Send(AppFixture.Coordinator, new GetFastTrack.Query(caseId));
        track.Derivation.ShouldBe("P1 emergency because: difficulty walking");
    }

    [Fact]
    public async Task A_case_without_neurology_is_Routine_with_no_clocks_and_editing_in_neurology_makes_it_P1()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, Calm);
        var read = await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId));
        read.Triage.ShouldBe(TriageLevel.Routine);
        read.Clocks.ShouldBeEmpty();

        var edit = TumorBoard.Web.Pages.Cases.CaseForms.ToUpdate(read) with { Frankel = FrankelGrade.C };
        var updated = await app.Send(AppFixture.Coordinator, edit);
        updated.Triage.ShouldBe(TriageLevel.P1);
        (await app.Send(AppFixture.Coordinator, new GetFastTrack.Query(caseId))).DerivedReasons.ShouldBe(["Frankel grade C"]);
    }

    [Fact]
    public async Task The_coordinator_raises_but_never_lowers_and_the_raise_is_audited()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, Calm);

        var raised = await app.Send(AppFixture.Coordinator, new RaiseTriage.Command { CaseId = caseId, Triage = TriageLevel.P2, Reason = "Night pain by phone" });
        raised.Triage.ShouldBe(TriageLevel.P2);
        raised.DerivedTriage.ShouldBe(TriageLevel.Routine);
        raised.RaiseReason.ShouldBe("Night pain by phone");
        raised.Clocks.Select(k => k.Name).ShouldBe([MsccClockName.Mri, MsccClockName.TreatmentPlan]);
        raised.Clocks[0].DueAt.ShouldBe(raised.Clocks[0].StartedAt.AddDays(7));

        var lower = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator,
            new RaiseTriage.Command { CaseId = caseId, Triage = TriageLevel.Routine, Reason = "Looks calm" }));
        lower.Errors.ShouldContain(e => e.PropertyName == "Triage");
        var same = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator,
            new RaiseTriage.Command { CaseId = caseId, Triage = TriageLevel.P2, Reason = "Again" }));
        same.Errors.ShouldContain(e => e.PropertyName == "Triage");
        var noReason = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator,
            new RaiseTriage.Command { CaseId = caseId, Triage = TriageLevel.P1 }));
        noReason.Errors.ShouldContain(e => e.PropertyName == "Reason");
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Clinician,
            new RaiseTriage.Command { CaseId = caseId, Triage = TriageLevel.P1, Reason = "Worse" }));

        var audit = await app.QueryDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(MsccTrack) && a.EntityId == caseId.ToString())
            .Select(a => a.Action).ToListAsync());
        audit.ShouldContain("RaiseTriage");
    }

    [Fact]
    public async Task A_late_MRI_breaches_the_clock_until_a_coded_reason_is_given_and_the_worklist_puts_P1_first()
    {
        var (_, p1) = await TestData.RegisterCaseAsync(app, c => Calm(c) with { MsccSymptoms = [MsccSymptom.LimbWeakness] });
        var (_, p2) = await TestData.RegisterCaseAsync(app, c => Calm(c) with { MsccSymptoms = [MsccSymptom.NightPain] });
        var (_, routine) = await TestData.RegisterCaseAsync(app, Calm);
        // Whole seconds: PostgreSQL keeps microseconds, so the overrun below is exact.
        var suspected = new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero).AddHours(-30);
        await app.Send(AppFixture.Clinician, new RecordMsccTimestamp.Command { CaseId = p1, Event = MsccEvent.MsccSuspected, OccurredAt = suspected });
        var track = await app.Send(AppFixture.Clinician, new RecordMsccTimestamp.Command
        {
            CaseId = p1, Event = MsccEvent.MriWholeSpineDone, OccurredAt = suspected.AddHours(26), Note = "Scanner down overnight",
        });
        var mri = track.Clocks.Single(k => k.Name == MsccClockName.Mri);
        mri.StartedFrom.ShouldBe(nameof(MsccEvent.MsccSuspected));
        mri.State.ShouldBe(ClockState.Breached);
        mri.MinutesLeft.ShouldBe(-120);
        mri.NeedsBreachReason.ShouldBeTrue();
        track.Clocks.Single(k => k.Name == MsccClockName.TreatmentPlan).State.ShouldBe(ClockState.Breached);

        var worklist = await app.Send(AppFixture.Clinician, new GetFastTrackWorklist.Query());
        worklist.Items.Select(r => r.CaseId).ShouldBe([p1, p2]);
        worklist.Items[0].NeedsBreachReason.ShouldBeTrue();
        worklist.Items[0].MinutesLeft.ShouldBeLessThan(0);

        var other = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator,
            new ExplainBreach.Command { CaseId = p1, Clock = MsccClockName.Mri, Reason = BreachReason.Other }));
        other.Errors.ShouldContain(e => e.PropertyName == "Text");
        await Should.ThrowAsync<DomainConflictException>(() => app.Send(AppFixture.Coordinator,
            new ExplainBreach.Command { CaseId = p2, Clock = MsccClockName.Mri, Reason = BreachReason.Transfer }));

        var explained = await app.Send(AppFixture.Neurosurgeon,
            new ExplainBreach.Command { CaseId = p1, Clock = MsccClockName.Mri, Reason = BreachReason.ImagingCapacity });
        var k = explained.Clocks.Single(c => c.Name == MsccClockName.Mri);
        k.BreachReason.ShouldBe(BreachReason.ImagingCapacity);
        k.NeedsBreachReason.ShouldBeFalse();

        // A correction keeps the first recording.
        var corrected = await app.Send(AppFixture.Coordinator, new RecordMsccTimestamp.Command
        {
            CaseId = p1, Event = MsccEvent.MriWholeSpineDone, OccurredAt = suspected.AddHours(23),
        });
        corrected.Timestamps.Count(s => s.Event == MsccEvent.MriWholeSpineDone).ShouldBe(2);
        corrected.Timestamps.Single(s => s.Event == MsccEvent.MriWholeSpineDone && s.Current).OccurredAt.ShouldBe(suspected.AddHours(23), TimeSpan.FromMilliseconds(1));
        corrected.Clocks.Single(c => c.Name == MsccClockName.Mri).State.ShouldBe(ClockState.Met);

        (await app.Send(AppFixture.Coordinator, new ListCases.Query { Triage = TriageLevel.P1 })).Items.Select(r => r.Id).ShouldBe([p1]);
        (await app.Send(AppFixture.Coordinator, new ListCases.Query { Triage = TriageLevel.Routine })).Items.Select(r => r.Id).ShouldBe([routine]);
        var audited = await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(MsccTimestamp)));
        audited.ShouldBe(3);   // suspicion, MRI, the MRI corrected
    }

    [Fact]
    public async Task A_time_in_the_future_or_without_an_event_is_refused()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var failure = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator,
            new RecordMsccTimestamp.Command { CaseId = caseId, OccurredAt = DateTimeOffset.UtcNow.AddHours(2) }));
        failure.Errors.Select(e => e.PropertyName).ShouldBe(["Event", "OccurredAt"], ignoreOrder: true);
        failure.Errors.Single(e => e.PropertyName == "OccurredAt").ErrorMessage.ShouldBe("The time must be between 1900-01-01 and now.");
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Admin, new GetFastTrackWorklist.Query()));
    }
}
