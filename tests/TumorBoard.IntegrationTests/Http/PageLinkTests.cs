using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>
/// The pages link with asp-page and route values, so a moved or renamed page breaks the build or this test, never the
/// user: starting from the home page and a board with a signed decision, every internal link a role is shown leads to
/// a page that exists and renders.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class PageLinkTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(AppFixture.Coordinator)]
    [InlineData(AppFixture.Neurosurgeon)]
    [InlineData(AppFixture.Clinician)]
    [InlineData(AppFixture.Admin)]
    public async Task Every_link_a_role_is_shown_leads_to_a_page_that_renders(string who)
    {
        var (board, decision) = await DecisionTestData.SignedAsync(app);
        var client = await PageClient.SignedInAsync(app, who);
        string[] starts = ["/", $"/Meetings/Details/{board.MeetingId}", $"/Cases/Details/{board.CaseId}", $"/Decisions/{decision.Id}"];
        var queue = new Queue<(string Url, string From)>(starts.Select(s => (s, "start")));
        var seen = new HashSet<string>(starts);
        var broken = new List<string>();
        var followed = 0;

        while (queue.Count > 0 && followed < 150)
        {
            var (url, from) = queue.Dequeue();
            using var response = await client.GetAsync(url);
            followed++;
            var status = (int)response.StatusCode;
            // A start page the role may not open is the role rule, not a link; a followed link must render.
            if (from == "start" && status is 403 or 404) continue;
            if (status != 200) { broken.Add($"{url} (linked from {from}) answered {status}"); continue; }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            foreach (Match m in Href().Matches(await response.Content.ReadAsStringAsync()))
            {
                var link = WebUtility.HtmlDecode(m.Groups["url"].Value);
                if (link.StartsWith("/api/", StringComparison.Ordinal) || link.StartsWith("/Account/SignOut", StringComparison.Ordinal)) continue;
                if (seen.Add(link)) queue.Enqueue((link, url));
            }
        }

        followed.ShouldBeGreaterThan(5);
        broken.ShouldBeEmpty();
    }

    /// <summary>Internal links: an href starting with one slash (not a protocol-relative //host, not a static asset).</summary>
    [GeneratedRegex(@"<a\b[^>]*\shref=""(?<url>/(?!/)(?!css/|js/|lib/)[^""#]*)")]
    private static partial Regex Href();
}
