using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Mscc;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.FastTrack;

/// <summary>
/// A P1 emergency skips the cut-off (pathways.md §1.4), and the track's refresh is part of the write that caused it: one
/// audit row per record the user changed, none for the derived track.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FastTrackSchedulingTests(AppFixture app) : DatabaseTest(app)
{
    static RegisterCase.Command Routine(RegisterCase.Command c) =>
        c with { Urgency = Urgency.Routine, Frankel = FrankelGrade.E, Asia = null, Myelopathy = false, MsccSymptoms = [] };

    [Fact]
    public async Task After_the_cut_off_a_P1_case_needs_no_reason_and_the_listing_says_why_it_was_late()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromHours(5));
        var p1 = await MeetingTestData.ReadyCaseAsync(app, c => Routine(c) with { MsccSymptoms = [MsccSymptom.BladderOrBowelDysfunction] });
        var routine = await MeetingTestData.ReadyCaseAsync(app, Routine);

        await Should.ThrowAsync<DomainConflictException>(() =>
            app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = routine }));
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = p1 });

        var item = (await app.Send(AppFixture.Clinician, new GetMeeting.Query(meetingId))).Agenda.Single();
        item.CaseId.ShouldBe(p1);
        item.IsLateAddition.ShouldBeTrue();
        item.LateAdditionReason.ShouldBe(Meeting.EmergencyLateReason);
    }

    [Fact]
    public async Task The_next_meeting_with_room_for_a_P1_case_is_todays_even_past_its_cut_off()
    {
        var today = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromHours(5));   // cut-off passed
        var later = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(3));

        (await app.Send(AppFixture.Coordinator, new NextMeetingWithRoom.Query(Urgency.Routine)))!.Id.ShouldBe(later);
        (await app.Send(AppFixture.Coordinator, new NextMeetingWithRoom.Query(Urgency.Routine, TriageLevel.P1)))!.Id.ShouldBe(today);
        (await app.Send(AppFixture.Coordinator, new NextMeetingWithRoom.Query(Urgency.Routine, TriageLevel.P2)))!.Id.ShouldBe(later);

        var p1 = await MeetingTestData.ReadyCaseAsync(app, c => Routine(c) with { Myelopathy = true });
        var dashboard = await app.Send(AppFixture.Coordinator, new GetCoordinatorDashboard.Query());
        var waiting = dashboard.ReadyCases.Single(c => c.CaseId == p1);
        waiting.Triage.ShouldBe(TriageLevel.P1);
        waiting.NextMeetingWithRoom!.Id.ShouldBe(today);
    }

    [Fact]
    public async Task A_case_edit_that_changes_the_triage_is_one_audit_row_with_the_track_folded_in()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, Routine);
        var key = caseId.ToString();
        (await AuditAsync(key)).ShouldBe([("TumorBoardCase", "Added")]);   // the new track is inside the case's row

        var read = await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId));
        var before = await app.QueryDbAsync(db => db.AuditEntries.CountAsync());
        var updated = await app.Send(AppFixture.Coordinator, TumorBoard.Web.Pages.Cases.CaseForms.ToUpdate(read) with { Frankel = FrankelGrade.D });
        updated.Triage.ShouldBe(TriageLevel.P1);

        var rows = await app.QueryDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Skip(before).ToListAsync());
        rows.Where(r => r.Action == "UpdateCase").Select(r => (r.EntityType, r.Operation)).ShouldBe([("TumorBoardCase", "Modified")]);
        var changes = rows.Single(r => r.Action == "UpdateCase").Changes;
        changes.ShouldContain("\"MsccTrack\":{");
        changes.ShouldContain("\"Triage\":{\"old\":\"Routine\",\"new\":\"P1\"}");
        (await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(MsccTrack)))).ShouldBe(0);

        // An edit that changes no input of the triage does not touch the track.
        var again = await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId));
        before = await app.QueryDbAsync(db => db.AuditEntries.CountAsync());
        await app.Send(AppFixture.Coordinator, TumorBoard.Web.Pages.Cases.CaseForms.ToUpdate(again) with { ClinicalQuestion = "SBRT or surgery first?" });
        var edit = await app.QueryDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Skip(before).Where(a => a.Action == "UpdateCase").SingleAsync());
        edit.Changes.ShouldNotContain("MsccTrack");
    }

    Task<List<(string, string)>> AuditAsync(string key) => app.QueryDbAsync(async db =>
        (await db.AuditEntries.Where(a => a.EntityId == key).OrderBy(a => a.Id).Select(a => new { a.EntityType, a.Operation }).ToListAsync())
            .Select(a => (a.EntityType, a.Operation)).ToList());
}
