using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>The CSP allows no inline style or script: the pages must not contain any (the browser would refuse them).</summary>
[Collection(AppCollection.Name)]
public sealed class InlineStyleTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Pages_carry_no_inline_style_or_script()
    {
        var (patientId, caseId) = await TestData.RegisterCaseAsync(app);
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        var (boardMeetingId, boardItems, boardCases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 2);
        await SubmitSrsVersusSeparationSurgeryAsync(app, boardCases[0]);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        string[] paths =
        [
            "/", "/Cases", $"/Cases/Details/{caseId}", $"/Cases/Edit/{caseId}", $"/Cases/Register?patientId={patientId}",
            "/Patients", $"/Patients/Details/{patientId}", "/Patients/Register", "/Meetings", $"/Meetings/Details/{meetingId}",
            "/Meetings/Plan", "/Dashboard", "/Scores/Sins", "/Account/Manage/ChangePassword",
            $"/Cases/{caseId}/Assessments/Neurosurgery", $"/Cases/{caseId}/Assessments/RadiationOncology",
            $"/Cases/{caseId}/Assessments/MedicalOncology", $"/Cases/{caseId}/Assessments",
            $"/Meetings/Details/{boardMeetingId}", $"/Meetings/{boardMeetingId}/Board/{boardItems[0]}",
            $"/Meetings/{boardMeetingId}/Board/{boardItems[1]}",
        ];
        var board = await DecisionTestData.BoardAsync(app);
        var decision = await DecisionTestData.RecordAsync(app, board);
        paths = [.. paths, $"/Meetings/{board.MeetingId}/Decide/{board.ItemId}", $"/Decisions/{decision.Id}",
            $"/Decisions/{decision.Id}/Amend", $"/Meetings/Details/{board.MeetingId}", $"/Cases/Details/{board.CaseId}"];
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBe(200, path);
            html.ShouldNotContain(" style=", Case.Insensitive, path);
            html.ShouldNotContain("<script>", Case.Insensitive, path);
        }
        var anonymous = app.App.CreateClient();
        (await (await anonymous.GetAsync("/Account/SignIn")).Content.ReadAsStringAsync()).ShouldNotContain(" style=");
    }
}
