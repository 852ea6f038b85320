using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Pages;

/// <summary>
/// Pages and prints show instants in the board's zone with the zone named (UTC stays in the API); the printed report is the
/// letter to the referring physician: letterhead from Board:Report:*, the clinical summary, scores, attendees, the
/// decision and the follow-up with the day each step was done.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BoardTimeAndReportTests(AppFixture app) : DatabaseTest(app)
{
    const string Zone = "(Europe/Zurich)";

    [Fact]
    public async Task A_decision_signed_at_23_30_UTC_shows_the_next_local_day_on_its_pages_and_report()
    {
        var board = await DecisionTestData.BoardAsync(app);
        var draft = await DecisionTestData.RecordAsync(app, board);
        var now = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, 23, 30, 0, TimeSpan.Zero);
        if (at <= now) at = at.AddDays(1);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");
        var local = TimeZoneInfo.ConvertTime(at, zone);
        local.Date.ShouldNotBe(at.UtcDateTime.Date);   // the point of the test: the local day is the next one
        await using (var frozen = new FrozenApp(app, new FakeTimeProvider(at)))
            await frozen.SendAsync(DecisionTestData.Chair, new SignDecision.Command { DecisionId = draft.Id, Password = AppFixture.Password });
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);

        foreach (var path in new[] { $"/Decisions/{draft.Id}", $"/Decisions/{draft.Id}/Report", $"/Cases/{board.CaseId}/History" })
        {
            var html = await client.GetStringAsync(path);
            html.ShouldContain($"{local:yyyy-MM-dd HH:mm:ss} {Zone}", customMessage: path);
            html.ShouldNotContain($"{at:yyyy-MM-dd} 23:30", customMessage: path);
            html.ShouldContain($"datetime=\"{at:yyyy-MM-dd}T23:30:00Z\"", customMessage: path);   // the machine-readable instant stays UTC
        }
        var api = await (await app.ClientAsync(AppFixture.Clinician)).GetStringAsync(DecisionTestData.Url(draft.Id));
        api.ShouldContain($"{at:yyyy-MM-dd}T23:30:00");   // the API answers UTC
    }

    [Fact]
    public async Task The_report_is_a_letter_with_the_letterhead_clinical_summary_scores_attendees_and_follow_up()
    {
        var logo = Path.Combine(Path.GetTempPath(), $"tb-logo-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(logo, Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        try
        {
            await using var configured = app.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.PostConfigure<BoardOptions>(o => o.Report = new()
            {
                BoardName = "Spine Metastasis Board", Institution = "Kantonsspital Musterstadt",
                Address = "Spitalstrasse 1\nCH-9999 Musterstadt", Contact = "tumorboard@example.org", LogoFile = logo,
            })));
            var life = await LifecycleTestData.FullAsync(app);
            var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            (await PageClient.PostFormAsync(client, "/Account/SignIn", new() { ["Input.Email"] = AppFixture.Clinician, ["Input.Password"] = AppFixture.Password }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);

            var html = await client.GetStringAsync($"/Decisions/{life.Amendment}/Report");
            var doc = RenderedPages.Parse(html);
            string Text(string id) => doc.GetElementById(id)?.TextContent.Trim() ?? $"(no #{id})";

            Text("board-name").ShouldBe("Spine Metastasis Board");
            Text("institution").ShouldBe("Kantonsspital Musterstadt");
            doc.GetElementById("address")!.InnerHtml.ShouldMatch(@"^\s*Spitalstrasse 1\s*<br>\s*CH-9999 Musterstadt\s*$");
            Text("contact").ShouldBe("tumorboard@example.org");
            doc.QuerySelector(".letterhead-logo")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
            Text("question").ShouldNotBeNullOrWhiteSpace();
            Text("histology").ShouldNotStartWith("—");
            Text("levels").ShouldContain("T11-T12");
            Text("neurology").ShouldContain("Frankel");
            Text("performance").ShouldContain("ECOG");
            Text("extent").ShouldContain("visceral metastases");
            Text("scores-neurosurgery").ShouldContain("SINS");
            Text("scores-medical-oncology").ShouldContain("Tokuhashi");
            var attendees = Text("attendees");
            foreach (var discipline in new[] { "neurosurgery (chair)", "medical oncology", "radiation oncology" }) attendees.ShouldContain(discipline);
            Text("meeting").ShouldContain(Zone);
            Text("positions-title").ShouldBe("Positions of the board members");   // taken on version 1; the amendment's own are none yet
            Text("signed-at").ShouldContain(Zone);
            var followUp = Text("follow-up-records");
            followUp.ShouldContain("Implemented");
            followUp.ShouldContain("Not implemented (patient's wish)");
            followUp.ShouldContain(app.App.Services.GetRequiredService<BoardClock>().Today.ToString("yyyy-MM-dd"));
            RenderedPages.VisibleText(doc).ShouldNotContain("UTC", Case.Sensitive);   // (the embedded logo's base64 may spell it)
        }
        finally { File.Delete(logo); }
    }
}
