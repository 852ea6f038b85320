using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Pages;

/// <summary>
/// Every page each role reaches over a case's whole life (case, meeting, assessments, a signed decision with every kind
/// of position, its amendment signed, follow-ups) speaks the clinic's words and is well-formed HTML: no enum member
/// names, rule codes or internal references in what a person sees, no UTC on a page (the board's zone, named), and
/// nothing an HTML checker finds by parsing. The pages are kept for the Nu HTML checker (tools/html-check).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RenderedPagesTests(AppFixture app) : DatabaseTest(app)
{
    public static readonly string[] Roles = [AppFixture.Coordinator, AppFixture.Neurosurgeon, AppFixture.MedOnc, AppFixture.Clinician, AppFixture.Admin];

    /// <summary>Where the crawl starts: every page of a case's whole life (case, meeting, board view, assessments, a signed
    /// decision and its amendment, report, follow-up, comparison) and the lists.</summary>
    public static string[] Starts(Lifecycle life)
    {
        var b = life.Board;
        return
        [
            "/", $"/Meetings/Details/{b.MeetingId}", $"/Meetings/{b.MeetingId}/Board/{b.ItemId}", $"/Cases/Details/{b.CaseId}",
            $"/Cases/{b.CaseId}/History", $"/Cases/{b.CaseId}/Assessments", $"/Decisions/{life.Original}", $"/Decisions/{life.Amendment}",
            $"/Decisions/{life.Original}/Report", $"/Decisions/{life.Amendment}/Report", $"/Decisions/{life.Amendment}/FollowUp",
            $"/Decisions/{life.Original}/Compare/{life.Amendment}", "/Scores", "/FollowUps/Overdue", "/FollowUps/Mine", "/Worklist",
            "/Dashboard", "/Admin/Audit", "/Admin/Accounts",
        ];
    }

    async Task<IReadOnlyList<RenderedPage>> RenderEveryPageAsync()
    {
        var starts = Starts(await LifecycleTestData.FullAsync(app));
        var pages = new List<RenderedPage>();
        foreach (var role in Roles)
            pages.AddRange(await RenderedPages.CrawlAsync(await PageClient.SignedInAsync(app, role), role, starts));
        RenderedPages.Keep(pages);
        return pages;
    }

    [Fact]
    public async Task No_page_shows_an_enum_member_name_a_rule_code_or_an_internal_reference()
    {
        var pages = await RenderEveryPageAsync();

        pages.Count.ShouldBeGreaterThan(40);
        var found = pages
            .SelectMany(p => RenderedPages.RawCodes(RenderedPages.VisibleText(RenderedPages.Parse(p.Html))).Select(c => $"{p.Url} ({p.Role}): {c}"))
            .Distinct().ToList();
        found.ShouldBeEmpty(string.Join("\n", found));
    }

    [Fact]
    public async Task No_page_shows_UTC_or_doubled_parentheses_and_every_page_parses_as_HTML_without_errors()
    {
        var pages = await RenderEveryPageAsync();

        // "(times in (Europe/Zurich))": the zone's label, already in parentheses, inside a sentence's own.
        var doubled = pages.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(RenderedPages.VisibleText(RenderedPages.Parse(p.Html)), @".{0,60}(\(\(|\)\)).{0,10}")
                .Select(m => $"{p.Url} ({p.Role}): {m.Value}")).Distinct().ToList();
        doubled.ShouldBeEmpty(string.Join("\n", doubled));

        var utc = pages.Where(p => System.Text.RegularExpressions.Regex.IsMatch(RenderedPages.VisibleText(RenderedPages.Parse(p.Html)), @"\bUTC\b"))
            .Select(p => $"{p.Url} ({p.Role}) shows UTC").Distinct().ToList();
        utc.ShouldBeEmpty(string.Join("\n", utc));
        var problems = pages.SelectMany(p => RenderedPages.HtmlProblems(p.Html).Select(x => $"{p.Url} ({p.Role}): {x}")).Distinct().ToList();
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void The_scan_knows_the_codes_the_board_saw_on_its_pages()
    {
        foreach (var name in new[] { "ConventionalEbrt", "SbrtSrs", "AfterSurgery", "MoreThan12Months", "NoOtherDisease", "MedicalOncology", "ReadyForBoard" })
            RenderedPages.EnumNames.ShouldContain(name);
        RenderedPages.EnumNames.ShouldNotContain("Draft");   // an ordinary word, and the page's word for it
        RenderedPages.RawCodes("Step A: SEPARATION_SURGERY_THEN_SRS, for MedicalOncology (scores.md §3.3), UNVERIFIED").Count.ShouldBe(5);
        RenderedPages.RawCodes("Separation surgery, then SBRT/SRS, for medical oncology (Laufer et al., Oncologist 2013)").ShouldBeEmpty();
        RenderedPages.HtmlProblems("<!DOCTYPE html><html><head><title>x</title></head><body><time datetime=\"2026-12-01T10:00:00.1234567Z\">x</time>"
            + "<p id=\"a\"></p><p id=\"a\"></p><label for=\"b\">b</label></body></html>").Count.ShouldBe(3);
    }
}
