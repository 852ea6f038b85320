using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace TumorBoard.BrowserTests;

/// <summary>
/// Issue #14 measure 11 in the browser: the coordinator records on the report page that the report went to the referrer;
/// the dispatch is listed with its time in the board's zone, and the section stays out of the printed report.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportDispatchBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_records_the_report_as_sent_and_the_print_leaves_the_section_out()
    {
        var app = AppFixture.Over(browser.App);
        var (_, decision) = await DecisionTestData.SignedAsync(app);
        var page = await browser.SignedInPageAsync(AppFixture.Coordinator);
        await page.GotoAsync($"/Decisions/{decision.Id}/Report");
        (await page.Locator("#no-dispatch").TextContentAsync()).ShouldBe("Not recorded as sent yet.");

        await page.Locator("#dispatch-form button[type=submit]").ClickAsync();
        (await page.Locator("#dispatch-form").TextContentAsync()).ShouldNotBeNull().ShouldContain("Choose how the report was sent");

        await page.SelectOptionAsync("#Dispatch_Channel", "ElectronicRecord");
        await page.FillAsync("#Dispatch_Note", "Filed in the hospital's record for the referrer.");
        await page.Locator("#dispatch-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("#dispatches"));
        var row = page.Locator("#dispatch-list tbody tr");
        (await row.CountAsync()).ShouldBe(1);
        var text = await row.First.TextContentAsync();
        text.ShouldNotBeNull().ShouldContain("Electronic health record");
        text.ShouldContain("Dr. Referrer");
        text.ShouldContain("Filed in the hospital's record for the referrer.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-report-dispatch.png"), FullPage = true });

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        using var document = PdfPigDocument.Open(pdf);
        var printed = string.Concat(document.GetPages().Select(p => p.Text));
        printed.ShouldContain("Follow-up so far");
        printed.ShouldNotContain("Sent to the referrer");
        await page.Context.CloseAsync();
    }
}
