using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

/// <summary>
/// Issue #14 part 1 in the browser: an emergency plan for a P1 case, drafted outside a meeting, signed on its page by the
/// neurosurgeon and then the radiation oncologist, each re-entering the password (a wrong one is refused under the field);
/// the second signature opens the signed plan.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmergencyPlanBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Both_disciplines_sign_the_emergency_plan_on_its_page_with_their_passwords()
    {
        var app = AppFixture.Over(browser.App);
        var caseId = await EmergencyPlanTestData.P1CaseAsync(app);
        await EmergencyPlanTestData.DraftAsync(app, caseId);

        var neuro = await browser.SignedInPageAsync(AppFixture.Neurosurgeon);
        await neuro.GotoAsync($"/Cases/{caseId}/EmergencyPlan");
        (await neuro.Locator("#unsigned-RadiationOncology").CountAsync()).ShouldBe(1);
        await neuro.FillAsync("#password-Neurosurgery", "not the password");
        await neuro.Locator("#sign-Neurosurgery-form button[type=submit]").ClickAsync();
        (await neuro.Locator("#sign-Neurosurgery-form").TextContentAsync()).ShouldNotBeNull().ShouldContain("The password is not correct.");
        await neuro.FillAsync("#password-Neurosurgery", AppFixture.Password);
        await neuro.Locator("#sign-Neurosurgery-form button[type=submit]").ClickAsync();
        await neuro.Locator("#signed-Neurosurgery").WaitForAsync();
        await neuro.Context.CloseAsync();

        var radonc = await browser.SignedInPageAsync(AppFixture.RadOnc);
        await radonc.GotoAsync($"/Cases/{caseId}/EmergencyPlan");
        await radonc.FillAsync("#password-RadiationOncology", AppFixture.Password);
        await radonc.Locator("#sign-RadiationOncology-form button[type=submit]").ClickAsync();
        // with the second signature the plan is signed: the decision page opens with the review listing announced
        await radonc.WaitForURLAsync(u => u.Contains("/Decisions/", StringComparison.Ordinal));
        (await radonc.Locator(".flash").TextContentAsync()).ShouldNotBeNull().ShouldContain("signed by both disciplines");
        (await radonc.Locator("a[href='/Meetings/Details']").CountAsync()).ShouldBe(0);   // no meeting made it: no link without a meeting
        await radonc.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-emergency-plan.png"), FullPage = true });
        await radonc.Context.CloseAsync();

        var plans = await app.QueryDbAsync(db => Task.FromResult(db.Decisions.Where(d => d.CaseId == caseId).Select(d => d.Status).ToList()));
        plans.ShouldBe([TumorBoard.Domain.Decisions.DecisionStatus.Signed]);
    }
}
