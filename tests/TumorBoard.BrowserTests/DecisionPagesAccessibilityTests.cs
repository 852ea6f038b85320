using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

/// <summary>
/// axe-core over the decision pages (they need a running meeting, so they are not in the central list): the record form
/// empty and with messages, the draft with the chair's sign form and a refused password, the signed decision, the amend form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionPagesAccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_decision_pages_have_no_serious_accessibility_violations()
    {
        var app = AppFixture.Over(browser.App);
        var board = await DecisionTestData.BoardAsync(app);
        var page = await browser.SignedInPageAsync(AppFixture.Neurosurgeon, bypassCsp: true);

        await page.GotoAsync($"/Meetings/{board.MeetingId}/Decide/{board.ItemId}");
        await AccessibilityTests.AssertAccessibleAsync(page, "decision form");
        // The four steps pre-filled from the recommendations and one blank step row show, the spare ones come with
        // "Add a step" (form-rows.js); dose only for radiotherapy (decision-form.js).
        (await page.Locator("[data-plan-step]:visible").CountAsync()).ShouldBe(5);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a step" }).ClickAsync();
        (await page.Locator("[data-plan-step]:visible").CountAsync()).ShouldBe(6);
        (await page.GetByLabel("Total dose (Gy)").First.IsVisibleAsync()).ShouldBeFalse();
        await page.Locator("#Input_Steps_0__Kind").SelectOptionAsync("SbrtSrs");
        (await page.GetByLabel("Total dose (Gy)").First.IsVisibleAsync()).ShouldBeTrue();
        await page.GetByLabel("More information needed").CheckAsync();
        (await page.Locator("#decision-plan").IsVisibleAsync()).ShouldBeFalse();
        await page.GetByLabel("Treatment recommendation").CheckAsync();
        await page.Locator("#Input_Steps_0__Kind").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await page.Locator(".field-validation-error").First.WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "decision form with messages");

        var draft = await DecisionTestData.RecordAsync(app, board);
        await page.GotoAsync($"/Decisions/{draft.Id}");
        await page.GetByLabel("Password").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign as board chair" }).ClickAsync();
        await page.GetByText("The password is not correct.").First.WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "draft decision with the sign form");

        await page.GetByLabel("Password").FillAsync(AppFixture.Password);
        await BrowserFixture.SubmitAndExpectAsync(page, "Sign as board chair", $"/Decisions/{draft.Id}$");
        (await page.Locator("#signature-check").InnerTextAsync()).ShouldContain("Content matches signature");
        await AccessibilityTests.AssertAccessibleAsync(page, "signed decision");

        await page.GetByRole(AriaRole.Link, new() { Name = "Amend" }).ClickAsync();
        await page.WaitForURLAsync($"**/Decisions/{draft.Id}/Amend");
        await AccessibilityTests.AssertAccessibleAsync(page, "amend form");
    }
}
