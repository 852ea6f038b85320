using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.Application.Features.FastTrack;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Mscc;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Forms;

/// <summary>The fast-track pages: the forms send the same commands as the API, messages land under their own fields.</summary>
[Collection(AppCollection.Name)]
public sealed class FastTrackPageTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task A_time_entered_in_board_time_is_recorded_and_a_lowering_raise_is_a_message_under_the_field()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, c => c with { Frankel = FrankelGrade.E, Myelopathy = false });
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var path = $"/FastTrack/Case/{caseId}";
        var html = await client.GetStringAsync(path);
        html.ShouldContain("Routine: no neurology");

        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        var fields = FormScrape.Fields(html, "id=\"stamp-form\"")
            .With("Stamp.Event", nameof(MsccEvent.MsccSuspected)).With("StampDate", yesterday.ToString("yyyy-MM-dd"))
            .With("StampTime", "09:30").With("Stamp.Note", "Called by the GP");
        using (var posted = await client.PostAsync(path + "?handler=Stamp", new FormUrlEncodedContent(fields)))
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var track = await app.Send(AppFixture.Coordinator, new GetFastTrack.Query(caseId));
        var stamp = track.Timestamps.Single();
        stamp.Event.ShouldBe(MsccEvent.MsccSuspected);
        stamp.Note.ShouldBe("Called by the GP");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");
        TimeZoneInfo.ConvertTime(stamp.OccurredAt, zone).DateTime.ShouldBe(yesterday.ToDateTime(new TimeOnly(9, 30)));

        // Raise to P2 from the page, then try the same class again: a message under the field, nothing written.
        html = await client.GetStringAsync(path);
        var raise = FormScrape.Fields(html, "id=\"raise-form\"").With("Raise.Triage", "P2").With("Raise.Reason", "Night pain");
        using (var ok = await client.PostAsync(path + "?handler=Raise", new FormUrlEncodedContent(raise)))
            ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html = await client.GetStringAsync(path);
        Regex.Match(html, "id=\"triage\">([^<]*)<").Groups[1].Value.ShouldBe("P2 urgent");
        var again = FormScrape.Fields(html, "id=\"raise-form\"").With("Raise.Triage", "P2").With("Raise.Reason", "Again");
        using var refused = await client.PostAsync(path + "?handler=Raise", new FormUrlEncodedContent(again));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync())
            .ShouldContain("data-valmsg-for=\"Raise.Triage\" data-valmsg-replace=\"true\">The triage is P2 urgent: it can only be raised");
        (await app.Send(AppFixture.Coordinator, new GetFastTrack.Query(caseId))).RaiseReason.ShouldBe("Night pain");
    }

    [Fact]
    public async Task The_worklist_page_lists_P1_cases_and_the_navigation_links_it()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var html = await client.GetStringAsync("/FastTrack");
        Regex.Match(html, "<nav aria-label=\"Main\">.*?</nav>", RegexOptions.Singleline).Value.ShouldContain("href=\"/FastTrack\"");
        html.ShouldContain($"data-case=\"{caseId}\"");
        html.ShouldContain("P1 emergency");
        (await client.GetStringAsync($"/Cases/Details/{caseId}")).ShouldContain("MSCC fast track");
    }
}
