using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Assessments;

/// <summary>The specialist worklist once assessments exist: submitted ones leave it, drafts show as saved.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed class AssessmentWorklistTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_worklist_leaves_out_cases_my_discipline_has_submitted_and_marks_drafts()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        var cases = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await MeetingTestData.ReadyCaseAsync(app));
            await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = cases[i] });
        }
        await app.Send(AppFixture.Neurosurgeon, Draft(cases[0], Neurosurgery()));
        await app.Send(AppFixture.Neurosurgeon, new SubmitAssessment.Command(cases[0], Discipline.Neurosurgery));
        await app.Send(AppFixture.Neurosurgeon, Draft(cases[1], Neurosurgery() with { Frankel = null }));   // a draft

        var mine = await app.Send(AppFixture.Neurosurgeon, new GetSpecialistWorklist.Query());
        mine.Items.Select(d => (d.CaseId, d.DraftSaved)).ShouldBe([(cases[1], true), (cases[2], false)]);
        mine.Total.ShouldBe(2);

        var radiation = await app.Send(AppFixture.RadOnc, new GetSpecialistWorklist.Query());
        radiation.Items.Select(d => d.CaseId).ShouldBe(cases);   // another discipline's assessments do not count
        radiation.Items.ShouldAllBe(d => !d.DraftSaved);

        var page = await (await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon)).GetStringAsync("/Worklist");
        page.ShouldContain("Draft saved");
    }
}
