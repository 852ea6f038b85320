using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Meetings;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Meetings.Agenda;

[Collection(MeetingsDatabase.Name)]
public sealed class AgendaTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Scheduling_a_ready_case_puts_it_on_the_agenda_and_marks_it_scheduled()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        var caseId = await MeetingTestData.ReadyCaseAsync(app);

        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = caseId });

        var meeting = await app.Send(AppFixture.Clinician, new GetMeeting.Query(meetingId));
        meeting.Agenda.ShouldHaveSingleItem().CaseId.ShouldBe(caseId);
        meeting.Agenda[0].Readiness.Awaiting.Count.ShouldBe(3);
        (await app.Send(AppFixture.Clinician, new GetCase.Query(caseId))).Status.ShouldBe(CaseStatus.Scheduled);
    }

    [Fact]
    public async Task A_case_is_on_at_most_one_open_meeting()
    {
        var first = await MeetingTestData.PlanMeetingAsync(app);
        var second = await MeetingTestData.PlanMeetingAsync(app);
        var caseId = await MeetingTestData.ReadyCaseAsync(app);
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = first, CaseId = caseId });

        await Should.ThrowAsync<DomainConflictException>(() =>
            app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = second, CaseId = caseId }));
    }

    [Fact]
    public async Task Capacity_is_never_exceeded_when_coordinators_add_in_parallel()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app, capacity: 2);
        var cases = new List<Guid>();
        for (var i = 0; i < 6; i++) cases.Add(await MeetingTestData.ReadyCaseAsync(app));

        var attempts = cases.Select(caseId => Task.Run(async () =>
        {
            try { await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = caseId }); return true; }
            catch (Exception e) when (e is DomainConflictException or Microsoft.EntityFrameworkCore.DbUpdateException) { return false; }
        })).ToList();
        var results = await Task.WhenAll(attempts);

        var meeting = await app.Send(AppFixture.Clinician, new GetMeeting.Query(meetingId));
        meeting.Agenda.Count.ShouldBeLessThanOrEqualTo(2);
        results.Count(r => r).ShouldBe(meeting.Agenda.Count);
        var scheduled = await app.QueryDbAsync(db => Task.FromResult(db.Cases.Count(c => c.Status == CaseStatus.Scheduled)));
        scheduled.ShouldBe(meeting.Agenda.Count);
    }

    [Fact]
    public async Task Removing_a_case_needs_a_reason_and_returns_it_to_ready_for_board()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        var caseId = await MeetingTestData.ReadyCaseAsync(app);
        var itemId = (await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = caseId })).ItemId;

        await Should.ThrowAsync<FluentValidation.ValidationException>(() => app.Send(AppFixture.Coordinator,
            new RemoveCaseFromAgenda.Command { MeetingId = meetingId, ItemId = itemId }));
        await app.Send(AppFixture.Coordinator, new RemoveCaseFromAgenda.Command { MeetingId = meetingId, ItemId = itemId, Reason = "Biopsy pending" });

        (await app.Send(AppFixture.Clinician, new GetMeeting.Query(meetingId))).Agenda.ShouldBeEmpty();
        (await app.Send(AppFixture.Clinician, new GetCase.Query(caseId))).Status.ShouldBe(CaseStatus.ReadyForBoard);
    }

    [Fact]
    public async Task After_the_cut_off_a_routine_case_needs_a_late_addition_reason()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromHours(5));
        // Routine in both senses: no neurology either (a P1 emergency needs no reason, FastTrackSchedulingTests).
        var routine = await MeetingTestData.ReadyCaseAsync(app, c => c with
        {
            Urgency = Urgency.Routine, Frankel = TumorBoard.Domain.Clinical.FrankelGrade.E, Asia = null, Myelopathy = false, MsccSymptoms = [],
        });
        var urgent = await MeetingTestData.ReadyCaseAsync(app);

        await Should.ThrowAsync<DomainConflictException>(() =>
            app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = routine }));
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = urgent });
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = routine, LateAdditionReason = "New compression on MRI" });

        var agenda = (await app.Send(AppFixture.Clinician, new GetMeeting.Query(meetingId))).Agenda;
        agenda.ShouldAllBe(i => i.IsLateAddition);
        agenda.Single(i => i.CaseId == routine).LateAdditionReason.ShouldBe("New compression on MRI");
    }

    [Fact]
    public async Task Attendance_reaches_quorum_with_all_three_disciplines_and_the_meeting_closes_when_every_case_is_handled()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        var a = await MeetingTestData.ReadyCaseAsync(app);
        var b = await MeetingTestData.ReadyCaseAsync(app);
        var itemA = (await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = a })).ItemId;
        var itemB = (await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = b })).ItemId;

        await app.Send(AppFixture.Neurosurgeon, new RecordAttendance.Command { MeetingId = meetingId,
            PresentUserIds = [await app.UserIdAsync(AppFixture.Neurosurgeon), await app.UserIdAsync(AppFixture.MedOnc)] });
        (await app.Send(AppFixture.Clinician, new GetMeeting.Query(meetingId))).MissingForQuorum.ShouldBe([Domain.Security.Discipline.RadiationOncology]);
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.RadOnc, new RecordAttendance.Command { MeetingId = meetingId }));
        await app.Send(AppFixture.Coordinator, new RecordAttendance.Command { MeetingId = meetingId, PresentUserIds =
            [await app.UserIdAsync(AppFixture.Neurosurgeon), await app.UserIdAsync(AppFixture.MedOnc), await app.UserIdAsync(AppFixture.RadOnc)] });
        (await app.Send(AppFixture.Clinician, new GetMeeting.Query(meetingId))).HasQuorum.ShouldBeTrue();

        await app.Send(AppFixture.Neurosurgeon, new StartMeeting.Command { MeetingId = meetingId });
        await app.Send(AppFixture.Neurosurgeon, new MarkCaseDiscussed.Command { MeetingId = meetingId, ItemId = itemA });
        await Should.ThrowAsync<DomainConflictException>(() =>
            app.Send(AppFixture.Coordinator, new CloseMeeting.Command { MeetingId = meetingId }));
        await app.Send(AppFixture.Coordinator, new DeferCase.Command { MeetingId = meetingId, ItemId = itemB, Reason = "Awaiting biopsy" });
        await app.Send(AppFixture.Coordinator, new CloseMeeting.Command { MeetingId = meetingId });

        (await app.Send(AppFixture.Clinician, new GetMeeting.Query(meetingId))).Status.ShouldBe(MeetingStatus.Closed);
        (await app.Send(AppFixture.Clinician, new GetCase.Query(a))).Status.ShouldBe(CaseStatus.Discussed);
        (await app.Send(AppFixture.Clinician, new GetCase.Query(b))).Status.ShouldBe(CaseStatus.ReadyForBoard);
    }
}
