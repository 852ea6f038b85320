using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace TumorBoard.BrowserTests;

/// <summary>
/// Issue #17 item 15: the printed report (Chromium's print to PDF, A4) keeps the scores section on one page, whatever
/// comes before it. The content before the scores is lengthened step by step (a spacer before the section, 1.5 cm at a
/// time over a whole page height) so that some step puts the section across a page end; each PDF is read back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintedReportTests(BrowserFixture browser)
{
    static string Squeezed(string s) => new([.. s.Where(c => !char.IsWhiteSpace(c))]);

    [Fact]
    public async Task The_printed_report_never_splits_the_scores_across_two_pages()
    {
        var app = AppFixture.Over(browser.App);
        var (_, decision) = await DecisionTestData.SignedAsync(app);
        var page = await browser.SignedInPageAsync(AppFixture.Coordinator);
        await page.GotoAsync($"/Decisions/{decision.Id}/Report");
        var texts = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#scores h2, #scores h3, #scores dt, #scores dd')].map(e => e.textContent.trim())");
        texts.Length.ShouldBeGreaterThan(8);   // the heading, three columns and their scores
        await page.EvaluateAsync("""
            () => { const s = document.createElement('div'); s.id = 'spacer'; document.getElementById('scores').before(s); }
            """);

        for (var spacerCm = 0.0; spacerCm <= 27; spacerCm += 1.5)
        {
            await page.EvaluateAsync($"() => document.getElementById('spacer').style.height = '{spacerCm.ToString(System.Globalization.CultureInfo.InvariantCulture)}cm'");
            var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
            using var document = PdfPigDocument.Open(pdf);
            var pages = document.GetPages().Select(p => Squeezed(p.Text)).ToList();
            var holding = pages.FindIndex(p => p.Contains(Squeezed("Scores from the specialists' assessments"), StringComparison.Ordinal));
            holding.ShouldBeGreaterThanOrEqualTo(0, $"spacer {spacerCm} cm: the scores heading is printed");
            foreach (var text in texts.Where(t => t.Length > 0))
                pages[holding].ShouldContain(Squeezed(text), Case.Sensitive, $"spacer {spacerCm} cm: '{text}' printed on the page of the scores heading");
            if (spacerCm == 12) await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "tumorboard-report-print.pdf"), pdf);
        }
        await page.Context.CloseAsync();
    }
}
