using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Application.Persistence;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.BrowserTests;

/// <summary>axe-core over the read-only assessment views and the board view of a case with assessments (they need ids).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentViewsAccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_assessment_views_the_case_page_and_the_board_view_have_no_serious_accessibility_violations()
    {
        var caseId = await CaseWithAssessmentsAsync();
        var board = await OnAnAgendaAsync(caseId);
        var page = await browser.SignedInPageAsync(AppFixture.Clinician, bypassCsp: true);

        foreach (var path in new[]
        {
            $"/Cases/{caseId}/Assessments", $"/Cases/{caseId}/Assessments/neurosurgery/History",
            $"/Cases/{caseId}/Assessments/neurosurgery/History?From=1&To=3", $"/Cases/Details/{caseId}", board,
        })
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBeLessThan(400, $"{path} answered {response.Status}");
            await AccessibilityTests.AssertAccessibleAsync(page, path);
            if (path.EndsWith("/Assessments") || path == board)
                (await page.Locator("#assessments .assessment-column").CountAsync()).ShouldBe(3, "the side-by-side columns");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-board-view.png"), FullPage = true });
    }

    /// <summary>Lists the case on a new meeting's agenda; returns the path of its board view.</summary>
    async Task<string> OnAnAgendaAsync(Guid caseId)
    {
        await SendAsync(AppFixture.Coordinator, new MarkCaseReady.Command(caseId));
        await using var scope = browser.App.Services.CreateAsyncScope();
        var chair = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(AppFixture.Neurosurgeon);
        var meetingId = (await SendAsync(AppFixture.Coordinator, new PlanMeeting.Command
        {
            Title = "Spine tumor board", StartsAt = DateTimeOffset.UtcNow.AddDays(3), DurationMinutes = 90, Location = "Room 4.12",
            ChairId = chair!.Id, Capacity = 5,
        }))[0];
        var itemId = (await SendAsync(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = caseId })).ItemId;
        return $"/Meetings/{meetingId}/Board/{itemId}";
    }

    /// <summary>A case with three submitted assessments (neurosurgery revised once) that disagree, written through the use cases.</summary>
    async Task<Guid> CaseWithAssessmentsAsync()
    {
        var patientId = (await SendAsync(AppFixture.Coordinator, TestData.Patient())).Id;
        var caseId = (await SendAsync(AppFixture.Coordinator, TestData.Case(patientId))).Id;
        var neurosurgery = Neurosurgery();
        await SendAsync(AppFixture.Neurosurgeon, Draft(caseId, neurosurgery));
        var submitted = await SendAsync(AppFixture.Neurosurgeon, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery));
        await SendAsync(AppFixture.Neurosurgeon, Revision(caseId, neurosurgery with { Rationale = "Progression on MRI." }, "New MRI", submitted.Version));
        await SendAsync(AppFixture.RadOnc, Draft(caseId, SrsWithoutSurgery()));   // disagrees with neurosurgery: the callouts are checked too
        await SendAsync(AppFixture.RadOnc, new SubmitAssessment.Command(caseId, Discipline.RadiationOncology));
        await SendAsync(AppFixture.MedOnc, Draft(caseId, MedicalOncology()));
        await SendAsync(AppFixture.MedOnc, new SubmitAssessment.Command(caseId, Discipline.MedicalOncology));
        return caseId;
    }

    async Task<T> SendAsync<T>(string email, ICommand<T> command)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = principal };
        try { return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command); }
        finally { accessor.HttpContext = null; }
    }
}
