using System.Net;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Meetings;

[Collection(MeetingsDatabase.Name)]
public sealed class WorklistTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_dashboard_lists_unscheduled_ready_cases_urgent_first_then_longest_waiting()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        // Routine in both senses: no neurology either (a P1 emergency is offered the next meeting like an urgent case).
        var routineOld = await MeetingTestData.ReadyCaseAsync(app, c => c with
        {
            Urgency = Urgency.Routine, Frankel = TumorBoard.Domain.Clinical.FrankelGrade.E, Asia = null, Myelopathy = false, MsccSymptoms = [],
        });
        var urgentNew = await MeetingTestData.ReadyCaseAsync(app);
        var urgentOld = await MeetingTestData.ReadyCaseAsync(app);
        var scheduled = await MeetingTestData.ReadyCaseAsync(app);
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = scheduled });
        await WaitingSinceAsync(routineOld, days: 9);
        await WaitingSinceAsync(urgentNew, days: 1);
        await WaitingSinceAsync(urgentOld, days: 4);

        var dashboard = await app.Send(AppFixture.Coordinator, new GetCoordinatorDashboard.Query());

        dashboard.ReadyCases.Select(c => c.CaseId).ShouldBe([urgentOld, urgentNew, routineOld]);
        dashboard.ReadyTotal.ShouldBe(3);
        dashboard.ReadyCases[0].WaitingDays.ShouldBe(4);
        dashboard.ReadyCases[0].NextMeetingWithRoom.ShouldNotBeNull().Id.ShouldBe(meetingId);
        dashboard.ReadyCases[1].NextMeetingWithRoom.ShouldNotBeNull().Id.ShouldBe(meetingId);
        dashboard.ReadyCases[2].NextMeetingWithRoom.ShouldBeNull();
        dashboard.UpcomingMeetings.ShouldHaveSingleItem().AgendaCount.ShouldBe(1);
    }

    [Fact]
    public async Task The_dashboard_shows_drafts_older_than_the_draft_age_and_upcoming_meetings_in_date_order()
    {
        var (_, oldDraft) = await TestData.RegisterCaseAsync(app);
        var (_, newDraft) = await TestData.RegisterCaseAsync(app);
        await WaitingSinceAsync(oldDraft, days: 8);
        await WaitingSinceAsync(newDraft, days: 2);
        var later = await MeetingTestData.PlanMeetingAsync(app, capacity: 3, startsIn: TimeSpan.FromDays(10));
        var sooner = await MeetingTestData.PlanMeetingAsync(app, capacity: 4, startsIn: TimeSpan.FromDays(2));
        var cancelled = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(5));
        await app.Send(AppFixture.Coordinator, new CancelMeeting.Command { MeetingId = cancelled, Reason = "Holiday" });

        var dashboard = await app.Send(AppFixture.Coordinator, new GetCoordinatorDashboard.Query());

        dashboard.DraftAgeDays.ShouldBe(7);
        dashboard.OldDrafts.ShouldHaveSingleItem().CaseId.ShouldBe(oldDraft);
        dashboard.UpcomingMeetings.Select(m => (m.Id, m.Capacity)).ShouldBe([(sooner, 4), (later, 3)]);
        dashboard.NextMeetingForUrgent.ShouldBeNull();   // no urgent case is waiting: no query for one
    }

    [Fact]
    public async Task A_specialist_sees_scheduled_cases_in_meeting_order_due_at_the_cut_off_and_overdue_after_it()
    {
        var later = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(9));
        var sooner = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(2));
        var cases = new List<Guid>();
        for (var i = 0; i < 4; i++) cases.Add(await MeetingTestData.ReadyCaseAsync(app));
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = later, CaseId = cases[0] });
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = sooner, CaseId = cases[1] });
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = sooner, CaseId = cases[2] });
        var removed = (await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = sooner, CaseId = cases[3] })).ItemId;
        await app.Send(AppFixture.Coordinator, new RemoveCaseFromAgenda.Command { MeetingId = sooner, ItemId = removed, Reason = "Biopsy pending" });
        var cutoff = DateTimeOffset.UtcNow.AddHours(-2);
        await app.QueryDbAsync(db => db.Meetings.Where(m => m.Id == sooner).ExecuteUpdateAsync(s => s.SetProperty(m => m.SubmissionCutoff, cutoff)));

        var worklist = await app.Send(AppFixture.MedOnc, new GetSpecialistWorklist.Query());

        worklist.Discipline.ShouldBe(Discipline.MedicalOncology);
        worklist.Items.Select(d => d.CaseId).ShouldBe([cases[1], cases[2], cases[0]]);
        worklist.Items.Select(d => d.Overdue).ShouldBe([true, true, false]);
        worklist.OverdueCount.ShouldBe(2);
        worklist.Items[0].DueAt.ShouldBe(cutoff, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Closed_and_cancelled_meetings_leave_the_worklist()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = await MeetingTestData.ReadyCaseAsync(app) });
        (await app.Send(AppFixture.RadOnc, new GetSpecialistWorklist.Query())).Total.ShouldBe(1);

        await app.Send(AppFixture.Coordinator, new CancelMeeting.Command { MeetingId = meetingId, Reason = "Holiday" });

        (await app.Send(AppFixture.RadOnc, new GetSpecialistWorklist.Query())).Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/v1/worklists/coordinator", AppFixture.Coordinator, HttpStatusCode.OK)]
    [InlineData("/api/v1/worklists/coordinator", AppFixture.MedOnc, HttpStatusCode.Forbidden)]
    [InlineData("/api/v1/worklists/coordinator", AppFixture.Clinician, HttpStatusCode.Forbidden)]
    [InlineData("/api/v1/worklists/coordinator", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/worklists/specialist", AppFixture.Neurosurgeon, HttpStatusCode.OK)]
    [InlineData("/api/v1/worklists/specialist", AppFixture.Coordinator, HttpStatusCode.Forbidden)]
    [InlineData("/api/v1/worklists/specialist", AppFixture.Admin, HttpStatusCode.Forbidden)]
    public async Task Worklist_endpoints_answer_by_role(string path, string? email, HttpStatusCode expected)
    {
        var client = await app.ClientAsync(email);
        (await client.GetAsync(path)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task The_start_page_links_each_role_to_its_worklist_and_the_pages_answer_by_role()
    {
        var coordinator = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var specialist = await PageClient.SignedInAsync(app, AppFixture.MedOnc);

        (await coordinator.GetStringAsync("/")).ShouldContain("href=\"/Dashboard\"");
        (await specialist.GetStringAsync("/")).ShouldContain("href=\"/Worklist\"");
        (await coordinator.GetStringAsync("/Dashboard")).ShouldContain("Coordinator dashboard");
        (await specialist.GetStringAsync("/Worklist")).ShouldContain("Medical oncology");
        (await specialist.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetAsync("/Worklist")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    Task WaitingSinceAsync(Guid caseId, int days)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-days).AddMinutes(-5);
        return app.QueryDbAsync(db => db.Cases.Where(c => c.Id == caseId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, at).SetProperty(c => c.CreatedAt, at)));
    }
}
