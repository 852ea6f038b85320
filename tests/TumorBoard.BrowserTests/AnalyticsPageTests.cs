using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

/// <summary>The quality analytics page in a real browser: filters, the measures table, the SVG charts and the CSV download.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalyticsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_coordinator_filters_the_measures_sees_the_charts_and_downloads_the_csv()
    {
        var page = await browser.SignedInPageAsync(AppFixture.Coordinator);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Analytics", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quality analytics" })).ToBeVisibleAsync();

        // Five years back to a year ahead: every seeded meeting, within the longest period (3,700 days) and the search range.
        var from = DateTime.UtcNow.AddYears(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#From").FillAsync(from);
        await page.Locator("#To").FillAsync(to);
        await page.Locator("#Versions").SelectOptionAsync("All");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page.Locator("#measures")).ToBeVisibleAsync();
        (await page.Locator("#measures tbody tr").CountAsync()).ShouldBe(16);
        (await page.Locator("#measure-fast-track-breaches").InnerTextAsync()).ShouldNotContain("Not available yet");
        await Assertions.Expect(page.Locator("#Triage")).ToBeVisibleAsync();
        (await page.Locator("#analytics-period").InnerTextAsync()).ShouldContain("all signed versions");
        foreach (var chart in new[] { "chart-decisions", "chart-time-to-decision", "chart-concordance", "chart-implementation", "chart-attendance" })
        {
            var svg = page.Locator($"svg#{chart}");
            await Assertions.Expect(svg).ToBeVisibleAsync();
            (await svg.GetAttributeAsync("role")).ShouldBe("img");
            (await page.Locator($"#{chart}-title").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
            (await page.Locator($"#{chart}-desc").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-analytics.png"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "decisions", Exact = true }).First.ClickAsync());
        download.SuggestedFilename.ShouldStartWith($"tumorboard-decisions-{from}-{to}");
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path!);
        text.ShouldStartWith("case_pseudonym,decision_number,");
        text.ShouldEndWith("\r\n");
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_named_under_its_field()
    {
        var page = await browser.SignedInPageAsync(AppFixture.Clinician);
        await page.GotoAsync("/Analytics?From=2026-05-02&To=2026-05-01");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("The end of the period must not be before its start.");
        (await page.Locator("#measures").CountAsync()).ShouldBe(0);
    }
}
