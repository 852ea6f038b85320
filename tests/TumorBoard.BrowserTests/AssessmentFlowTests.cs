using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TumorBoard.Application.Persistence;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

/// <summary>The specialist assessment forms in a real browser (CSP on): live SINS before saving, save, submit; axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_neurosurgeon_sees_the_SINS_total_before_saving_then_saves_and_submits()
    {
        var caseId = await CaseAsync();   // one lesion T11-T12: index level T11 (junctional, 3 points)
        var page = await browser.SignedInPageAsync(AppFixture.Neurosurgeon);
        await page.GotoAsync($"/Cases/{caseId}/Assessments/Neurosurgery");
        (await page.Locator("#Input_Lesions_0__IndexLevel").InputValueAsync()).ShouldBe("T11");

        await page.Locator("#Input_Lesions_0__Pain").SelectOptionAsync("Mechanical");
        await page.Locator("#Input_Lesions_0__BoneLesion").SelectOptionAsync("Lytic");
        await page.Locator("#Input_Lesions_0__Alignment").SelectOptionAsync("Normal");
        await page.Locator("#Input_Lesions_0__Collapse").SelectOptionAsync("LessThan50Percent");
        await page.Locator("#Input_Lesions_0__Posterolateral").SelectOptionAsync("Unilateral");
        var line = page.Locator("[data-sins-lesion]").First.Locator("[data-sins-output]");
        await Assertions.Expect(line.Locator("[data-total]")).ToHaveTextAsync("11");   // 3 + 3 + 2 + 0 + 2 + 1
        await Assertions.Expect(line).ToContainTextAsync("Potentially unstable");
        (await page.Locator(".assessment-state").InnerTextAsync()).ShouldContain("No assessment yet");   // not saved yet

        await page.Locator("#Input_Lesions_0__Escc").SelectOptionAsync("2");
        await page.Locator("#Input_Lesions_0__GrossInstability").SelectOptionAsync("false");
        await page.GetByLabel("Course of the deficit").SelectOptionAsync("Stable");
        await page.GetByLabel("Fit for open surgery").SelectOptionAsync("Yes");
        await page.GetByLabel("Surgical recommendation").SelectOptionAsync("SeparationSurgery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".assessment-state")).ToContainTextAsync("Draft v1");
        await Assertions.Expect(line).ToContainTextAsync("(saved)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and submit to the board" }).ClickAsync();
        await Assertions.Expect(page.Locator(".assessment-state")).ToContainTextAsync("Submitted v2");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-assessment.png"), FullPage = true });
        await Assertions.Expect(page.GetByLabel("Reason for the revision (required)")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(AppFixture.Neurosurgeon, "Neurosurgery")]
    [InlineData(AppFixture.RadOnc, "RadiationOncology")]
    [InlineData(AppFixture.MedOnc, "MedicalOncology")]
    [InlineData(AppFixture.Clinician, "Neurosurgery")]
    public async Task The_assessment_forms_have_no_serious_accessibility_violations(string email, string form)
    {
        var caseId = await CaseAsync();
        var page = await browser.SignedInPageAsync(email, bypassCsp: true);
        var response = await page.GotoAsync($"/Cases/{caseId}/Assessments/{form}");
        response!.Status.ShouldBe(200);
        await AccessibilityTests.AssertAccessibleAsync(page, $"{form} form as {email}");
        if (email == AppFixture.Clinician) return;
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".assessment-state")).ToContainTextAsync("Draft v1");
        await AccessibilityTests.AssertAccessibleAsync(page, $"{form} form after saving");
    }

    /// <summary>A case registered through the use cases as the coordinator (the case pages have their own tests).</summary>
    async Task<Guid> CaseAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(AppFixture.Coordinator))!);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = principal };
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var patientId = (await sender.Send(TestData.Patient())).Id;
        return (await sender.Send(TestData.Case(patientId))).Id;
    }
}
