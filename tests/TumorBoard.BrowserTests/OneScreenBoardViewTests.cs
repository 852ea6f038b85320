using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

/// <summary>The board view's one-screen mode on the projector: everything the board discusses within 1920×1080.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OneScreenBoardViewTests(BrowserFixture browser)
{
    /// <summary>The question, lesion levels, SINS with its six points, ESCC, Tokuhashi, Tomita, NOMS, the three
    /// recommendations, the conflicts and disagreements, and what is missing.</summary>
    static readonly string[] MustBeVisible =
    [
        "#os-question", "#os-levels", "#os-sins", "#os-escc", "#os-tokuhashi", "#os-tomita", "#os-noms",
        "#os-rec-neurosurgery", "#os-rec-radiation-oncology", "#os-rec-medical-oncology", "#os-conflicts", "#os-missing",
    ];

    [Fact]
    public async Task The_one_screen_board_view_fits_1920_by_1080_in_large_type_and_is_remembered()
    {
        var app = AppFixture.Over(browser.App);
        var board = await DecisionTestData.BoardAsync(app);   // three submitted assessments; targets outside the case's lesion
        var page = await browser.SignedInPageAsync(AppFixture.Coordinator);
        await page.SetViewportSizeAsync(1920, 1080);
        var path = $"/Meetings/{board.MeetingId}/Board/{board.ItemId}";
        await page.GotoAsync(path);

        await page.GetByRole(AriaRole.Link, new() { Name = "One-screen view for the projector" }).ClickAsync();
        await page.Locator("[data-one-screen]").WaitForAsync();

        foreach (var selector in MustBeVisible)
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            box.ShouldNotBeNull(selector);
            box.X.ShouldBeGreaterThanOrEqualTo(0, selector);
            box.Y.ShouldBeGreaterThanOrEqualTo(0, selector);
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(1920, selector);
            (box.Y + box.Height).ShouldBeLessThanOrEqualTo(1080, selector);
            var size = await page.Locator(selector).EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
            size.ShouldBeGreaterThanOrEqualTo(19, $"{selector} is readable from the back of the room");
        }
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight")).ShouldBeLessThanOrEqualTo(1080);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1920);
        (await page.Locator("#os-sins tbody tr").First.Locator("td").CountAsync()).ShouldBe(8);   // total, six points, ESCC
        (await page.Locator("#os-conflicts").InnerTextAsync()).ShouldContain("outside the case's lesions");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-one-screen.png") });

        await page.GotoAsync(path);   // remembered for this browser
        await page.Locator("[data-one-screen]").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Full view" }).ClickAsync();
        await page.Locator("#assessments").WaitForAsync();
        (await page.Locator("[data-one-screen]").CountAsync()).ShouldBe(0);
        await page.Context.CloseAsync();
    }
}
