using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Application.Persistence;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.BrowserTests;

/// <summary>axe-core over the read-only assessment views of a case with assessments (they need a case id).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentViewsAccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_assessment_views_and_the_case_page_have_no_serious_accessibility_violations()
    {
        var caseId = await CaseWithAssessmentsAsync();
        var page = await browser.SignedInPageAsync(AppFixture.Clinician, bypassCsp: true);

        foreach (var path in new[]
        {
            $"/Cases/{caseId}/Assessments", $"/Cases/{caseId}/Assessments/neurosurgery/History",
            $"/Cases/{caseId}/Assessments/neurosurgery/History?From=1&To=3", $"/Cases/Details/{caseId}",
        })
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBeLessThan(400, $"{path} answered {response.Status}");
            await AccessibilityTests.AssertAccessibleAsync(page, path);
            if (path.EndsWith("/Assessments"))
                (await page.Locator("#assessments .assessment-column").CountAsync()).ShouldBe(3, "the side-by-side columns");
        }
    }

    /// <summary>A case with three submitted assessments (neurosurgery revised once), written through the use cases.</summary>
    async Task<Guid> CaseWithAssessmentsAsync()
    {
        var patientId = await SendAsync(AppFixture.Coordinator, TestData.Patient());
        var caseId = await SendAsync(AppFixture.Coordinator, TestData.Case(patientId));
        var neurosurgery = Neurosurgery(caseId);
        await SendAsync(AppFixture.Neurosurgeon, neurosurgery);
        var submitted = await SendAsync(AppFixture.Neurosurgeon, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery));
        await SendAsync(AppFixture.Neurosurgeon, Revision(neurosurgery with { Rationale = "Progression on MRI." }, "New MRI", submitted.Version));
        await SendAsync(AppFixture.RadOnc, RadiationOncology(caseId));
        await SendAsync(AppFixture.RadOnc, new SubmitAssessment.Command(caseId, Discipline.RadiationOncology));
        await SendAsync(AppFixture.MedOnc, MedicalOncology(caseId));
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
