using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

/// <summary>
/// Issue #6 end to end in the browser: from the meeting's agenda (attendance, start) to the board view, the decision
/// recorded live, the members' positions (one dissent), the chair's signature with password re-entry, then the case's
/// history and the printable report.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardDecisionFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_whole_meeting_from_the_agenda_to_a_signed_decision_and_the_cases_history()
    {
        var app = AppFixture.Over(browser.App);
        // A planned meeting (chair: the neurosurgeon) with one case whose three assessments are submitted; two of the
        // three disciplines already recorded as present. The browser does the rest.
        var board = await DecisionTestData.BoardAsync(app, quorum: false, start: false);
        var clinicianId = await app.UserIdAsync(AppFixture.Clinician);

        var coordinator = await browser.SignedInPageAsync(AppFixture.Coordinator, bypassCsp: true);   // axe needs its script
        await coordinator.GotoAsync($"/Meetings/Details/{board.MeetingId}");
        await coordinator.GetByLabel("Dr. Rafael Radonc (Radiation oncology)").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync();
        await coordinator.Locator("#quorum", new() { HasText = "Quorum present" }).WaitForAsync();
        // The test meeting lies days ahead: the start button asks first whether to start early (issue #17 item 5).
        string? asked = null;
        coordinator.Dialog += async (_, dialog) => { asked = dialog.Message; await dialog.AcceptAsync(); };
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Start meeting" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Close meeting" }).WaitForAsync();
        if (asked is not null) asked.ShouldContain("more than a day from now");

        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Board view" }).First.ClickAsync();
        await coordinator.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Board/"));
        (await coordinator.Locator("#missing-inputs").InnerTextAsync()).ShouldContain("Nothing is missing");
        (await coordinator.Locator("#decision").InnerTextAsync()).ShouldContain("Every precondition is met");
        await AccessibilityTests.AssertAccessibleAsync(coordinator, "board view in a running meeting");

        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Record the decision" }).ClickAsync();
        await coordinator.Locator("#Input_Steps_0__Kind").SelectOptionAsync("SeparationSurgery");
        await coordinator.Locator("#Input_Steps_0__TargetLevels").SelectOptionAsync("T5");
        await coordinator.Locator("#Input_Steps_0__Timing").SelectOptionAsync("Urgent");
        if (!await coordinator.Locator("#Input_Steps_1__Kind").IsVisibleAsync())
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add a step" }).ClickAsync();
        await coordinator.Locator("#Input_Steps_1__Kind").SelectOptionAsync("SbrtSrs");
        await coordinator.Locator("#Input_Steps_1__TargetLevels").SelectOptionAsync("T5");
        await coordinator.Locator("#Input_Steps_1__DoseGy").FillAsync("27");
        await coordinator.Locator("#Input_Steps_1__Fractions").FillAsync("3");
        await coordinator.Locator("#Input_Steps_1__Timing").SelectOptionAsync("AfterPreviousStep");
        // Systemic therapy and the bone-modifying agent come pre-filled from medical oncology; the board sets their timing.
        await coordinator.Locator("#Input_Steps_2__Timing").SelectOptionAsync("Soon");
        await coordinator.Locator("#Input_Steps_3__Timing").SelectOptionAsync("Soon");
        await coordinator.GetByLabel("Intent").SelectOptionAsync("LocalControl");
        await coordinator.GetByLabel("Rationale (required)").FillAsync("High-grade ESCC in a radioresistant primary: separation surgery, then SBRT.");
        await coordinator.Locator("#concordance-Concordant").CheckAsync();
        await coordinator.GetByLabel("Preferences as the board considered them").FillAsync("Wants to keep walking; accepts surgery.");
        await coordinator.GetByLabel("Responsible clinician").SelectOptionAsync(clinicianId.ToString());
        await coordinator.GetByLabel("Follow-up date").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await BrowserFixture.SubmitAndExpectAsync(coordinator, "Save decision", "/Decisions/[0-9a-f-]{36}$");
        var decisionUrl = new Uri(coordinator.Url).AbsolutePath;

        await TakePositionAsync(decisionUrl, AppFixture.MedOnc, "Dr. Maya Medonc", "Agree", null);
        await TakePositionAsync(decisionUrl, AppFixture.RadOnc, "Dr. Rafael Radonc", "Disagree (dissent)", "I would give SBRT alone and keep surgery for progression.");

        var chair = await browser.SignedInPageAsync(DecisionTestData.Chair);
        await chair.GotoAsync(decisionUrl);
        (await chair.Locator("#decision-positions").InnerTextAsync()).ShouldContain("I would give SBRT alone");
        await chair.GetByLabel("Password", new() { Exact = true }).FillAsync(AppFixture.Password);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Sign as board chair" }).ClickAsync();
        var signature = await chair.Locator("#decision-signature").InnerTextAsync();
        signature.ShouldContain("approved as board chair");
        signature.ShouldContain("Dr. Nora Neurosurg");
        await chair.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-signed-decision.png"), FullPage = true });

        // A clinician reviews the case's history: who said what, when and why.
        var clinician = await browser.SignedInPageAsync(AppFixture.Clinician, bypassCsp: true);
        await clinician.GotoAsync($"/Cases/{board.CaseId}/History");
        var history = await clinician.Locator("main").InnerTextAsync();
        history.ShouldContain("Dr. Nora Neurosurg");
        history.ShouldContain("I would give SBRT alone and keep surgery for progression.");
        history.ShouldContain("approved as board chair");
        await AccessibilityTests.AssertAccessibleAsync(clinician, "case history after a signed decision");
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Print decision report" }).ClickAsync();
        var report = await clinician.Locator("main").InnerTextAsync();
        report.ShouldContain("approved as board chair");
        report.ShouldContain("I would give SBRT alone");
    }

    /// <summary>An attending member opens the draft and records their own position.</summary>
    async Task TakePositionAsync(string decisionUrl, string email, string name, string kind, string? text)
    {
        var page = await browser.SignedInPageAsync(email);
        await page.GotoAsync(decisionUrl);
        await page.GetByLabel(kind, new() { Exact = true }).CheckAsync();
        if (text is not null) await page.GetByLabel("Reason (required when you disagree) or comment").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record my position" }).ClickAsync();
        await page.Locator("#decision-positions", new() { HasText = name }).WaitForAsync();
        await page.Context.CloseAsync();
    }
}
