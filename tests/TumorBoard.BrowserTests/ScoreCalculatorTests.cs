using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

/// <summary>The calculators recompute as fields change (progressive enhancement; the plain form works without it).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScoreCalculatorTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_SINS_calculator_shows_the_total_and_category_as_the_components_are_chosen()
    {
        var page = await browser.SignedInPageAsync(AppFixture.Neurosurgeon);
        await page.GotoAsync("/Scores/Sins");
        await page.Locator("#Input_Level").SelectOptionAsync("T11");
        await page.Locator("#Input_Pain").SelectOptionAsync("Mechanical");
        await page.Locator("#Input_BoneLesion").SelectOptionAsync("Lytic");
        await page.Locator("#Input_Alignment").SelectOptionAsync("DeNovoDeformity");
        await page.Locator("#Input_Collapse").SelectOptionAsync("MoreThan50Percent");
        await page.Locator("#Input_Posterolateral").SelectOptionAsync("Unilateral");

        // No button pressed: the script fetched the result for the chosen components.
        var total = page.Locator("#score-result [data-total]");
        await Assertions.Expect(total).ToHaveTextAsync("14", new() { Timeout = 30_000 });
        (await page.Locator("#score-result").InnerTextAsync()).ShouldContain("Unstable");
    }
}
