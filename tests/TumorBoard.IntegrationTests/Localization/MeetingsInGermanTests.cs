using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using TumorBoard.IntegrationTests.Pages;

namespace TumorBoard.IntegrationTests.Localization;

/// <summary>
/// The meeting, fast-track, analytics, report and letter pages in the board's languages (issue #15, part 1): rendered in
/// de-CH with real data, none of the English words they had is left in the visible text and their German words are there;
/// spot checks in French and Italian; a form posted in French shows its message under the field in French; the .ics words
/// follow the request's language (or the account's saved one for the feed), the machine fields do not.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class MeetingsInGermanTests(AppFixture app) : DatabaseTest(app)
{
    /// <summary>English words and sentences these pages showed before they were translated.</summary>
    static readonly string[] English =
    [
        "Board meetings", "Include past meetings", "Plan a meeting", "soonest first", "Printable agenda", "Add to calendar",
        "Edit meeting", "Submission cut-off", "Video link", "Readiness", "Awaiting:", "Submitted:", "Board view", "Attendance",
        "Quorum present", "Members present", "Record attendance", "Run the meeting", "Close meeting", "Back to the meeting",
        "Clinical question", "Question for the board", "Clinical summary", "Date of birth", "Referring clinician",
        "Scores from the specialists", "Board members present", "Positions of the board members", "Follow-up so far",
        "Sent to the referrer", "Download PDF", "Record as sent", "Report generated", "Patient letter", "Draft the letter",
        "No letter has been drafted", "MSCC fast track", "Time left", "Next due", "Quality analytics", "Numerator", "Denominator",
        "Breakdowns", "Download CSV", "Decisions per month", "Repeat weekly", "Duration (minutes)", "Capacity (cases)",
    ];

    static async Task<string> TextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return RenderedPages.VisibleText(RenderedPages.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_meeting_report_letter_fast_track_and_analytics_pages_in_German_have_no_English_words_left()
    {
        var (board, decision) = await DecisionTestData.SignedAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var planned = await MeetingTestData.PlanMeetingAsync(app);

        var pages = new Dictionary<string, string[]>
        {
            ["/Meetings?culture=de-CH"] = ["Board-Sitzungen", "Vergangene Sitzungen einschliessen", "Eine Sitzung planen", "Vorsitz"],
            [$"/Meetings/Details/{board.MeetingId}?culture=de-CH"] = ["Traktandenliste zum Drucken", "Anwesenheit", "Bereitschaft", "Sitzung leiten"],
            [$"/Meetings/Details/{planned}?culture=de-CH"] = ["Anmeldeschluss", "Sitzung bearbeiten", "Einen Fall hinzufügen", "Sitzung absagen"],
            [$"/Meetings/Agenda/{board.MeetingId}?culture=de-CH"] = ["Traktanden:", "Klinische Fragestellung", "Zurück zur Sitzung"],
            ["/Meetings/Plan?culture=de-CH"] = ["Wöchentlich wiederholen", "Dauer (Minuten)", "Kapazität (Fälle)", "Sitzung planen"],
            [$"/Meetings/Edit/{planned}?culture=de-CH"] = ["Sitzung bearbeiten", "Sitzung speichern"],
            [$"/Decisions/{decision.Id}/Report?culture=de-CH"] = ["Klinische Zusammenfassung", "Frage an das Tumorboard", "Unterschrift", "Als gesendet erfassen"],
            [$"/Decisions/{decision.Id}/Letter?culture=de-CH"] = ["Brief an die Patientin / den Patienten", "Brief entwerfen"],
            [$"/FastTrack?culture=de-CH"] = ["MSCC-Schnellpfad"],
            [$"/Analytics?culture=de-CH"] = ["Qualitätsauswertungen", "Zähler", "Nenner", "Aufschlüsselungen", "CSV herunterladen"],
        };
        foreach (var (path, german) in pages)
        {
            var text = await TextAsync(client, path);
            // the analytics measures' own titles and definitions come from the Application (still English): "Attendance", "Readiness fields"
            var words = path.StartsWith("/Analytics", StringComparison.Ordinal) ? English.Except(["Attendance", "Readiness"]) : English;
            words.Where(word => text.Contains(word, StringComparison.Ordinal)).ShouldBeEmpty(path);
            foreach (var word in german) text.ShouldContain(word, Case.Sensitive, path);
        }
    }

    [Fact]
    public async Task French_and_Italian_spot_checks()
    {
        var (board, decision) = await DecisionTestData.SignedAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var french = await TextAsync(client, $"/Meetings/Details/{board.MeetingId}?culture=fr-CH");
        french.ShouldContain("Ordre du jour à imprimer");
        french.ShouldContain("Présences");
        french.ShouldNotContain("Printable agenda");
        var report = await TextAsync(client, $"/Decisions/{decision.Id}/Report?culture=fr-CH");
        report.ShouldContain("Résumé clinique");
        report.ShouldContain("Positions des membres du colloque");

        var italian = await TextAsync(client, $"/Meetings/Agenda/{board.MeetingId}?culture=it-CH");
        italian.ShouldContain("Ordine del giorno:");
        italian.ShouldContain("Torna alla riunione");
        italian.ShouldNotContain("Back to the meeting");
        (await TextAsync(client, "/Analytics?culture=it-CH")).ShouldContain("Analisi della qualità");
    }

    [Fact]
    public async Task A_meeting_form_posted_in_French_shows_the_French_message_under_the_field()
    {
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var response = await PageClient.PostFormAsync(client, "/Meetings/Plan?culture=fr-CH", new()
        {
            ["Input.Title"] = "", ["Input.Date"] = "2020-01-06", ["Input.Time"] = "16:00", ["Input.DurationMinutes"] = "90",
            ["Input.Capacity"] = "12", ["Input.WeeklyOccurrences"] = "1",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        MessagesUnder(html, "Input.Title").ShouldContain("Saisissez un titre.");
        var text = RenderedPages.VisibleText(RenderedPages.Parse(html));
        text.ShouldContain("Planifier une séance");
        text.ShouldContain("Répéter chaque semaine (nombre de séances)");
        text.ShouldNotContain("Repeat weekly");
    }

    [Fact]
    public async Task The_report_dispatch_form_posted_in_French_shows_its_own_message_in_French()
    {
        var (_, decision) = await DecisionTestData.SignedAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var path = $"/Decisions/{decision.Id}/Report?culture=fr-CH";
        var page = await client.GetStringAsync(path);
        var response = await client.PostAsync($"/Decisions/{decision.Id}/Report?handler=Dispatch&culture=fr-CH", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = PageClient.AntiforgeryToken(page),
                ["Dispatch.Channel"] = "Post", ["SentDate"] = "2026-01-05",
            }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await response.Content.ReadAsStringAsync(), "Dispatch.SentAt")
            .ShouldContain("Indiquez la date et l'heure d'envoi du rapport, ou aucune des deux pour maintenant.");
    }

    [Fact]
    public async Task A_German_calendar_has_German_words_and_an_English_one_the_English_with_the_same_machine_fields()
    {
        var meeting = await MeetingTestData.PlanMeetingAsync(app);
        var caseId = await MeetingTestData.ReadyCaseAsync(app);
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meeting, CaseId = caseId });
        var title = (await app.Send(AppFixture.Coordinator, new GetMeeting.Query(meeting))).Title;
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var german = Unfold(await client.GetStringAsync($"/Calendar/Meeting/{meeting}?culture=de-CH"));
        var english = Unfold(await client.GetStringAsync($"/Calendar/Meeting/{meeting}"));
        german.ShouldContain("DESCRIPTION:1 Fall traktandiert");
        english.ShouldContain("DESCRIPTION:1 case on the agenda");
        Fields(german, "UID", "DTSTART", "DTEND", "STATUS").ShouldBe(Fields(english, "UID", "DTSTART", "DTEND", "STATUS"));

        await app.Send(AppFixture.Coordinator, new CancelMeeting.Command { MeetingId = meeting, Reason = "Feiertag" });
        var cancelledGerman = Unfold(await client.GetStringAsync($"/Calendar/Meeting/{meeting}?culture=de-CH"));
        var cancelledEnglish = Unfold(await client.GetStringAsync($"/Calendar/Meeting/{meeting}?culture=en"));
        cancelledGerman.ShouldContain("SUMMARY:" + Escape("Abgesagt: " + title));
        cancelledGerman.ShouldContain("DESCRIPTION:Diese Board-Sitzung wurde abgesagt.");
        cancelledEnglish.ShouldContain("SUMMARY:" + Escape("Cancelled: " + title));
        cancelledEnglish.ShouldContain("DESCRIPTION:This board meeting was cancelled.");
        Fields(cancelledGerman, "UID", "DTSTART", "STATUS").ShouldBe(Fields(cancelledEnglish, "UID", "DTSTART", "STATUS"));
    }

    [Fact]
    public async Task The_calendar_feed_is_written_in_the_account_s_saved_language_without_a_culture_cookie()
    {
        using var api = await app.ClientAsync(AppFixture.Coordinator);
        try
        {
            (await api.PutAsJsonAsync("/api/v1/accounts/me/language", new { culture = "fr-CH" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            Unfold(await api.GetStringAsync("/api/v1/calendar/me.ics")).ShouldContain("X-WR-CALNAME:Séances du colloque");
        }
        finally
        {
            (await api.PutAsJsonAsync("/api/v1/accounts/me/language", new { culture = "en" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        Unfold(await api.GetStringAsync("/api/v1/calendar/me.ics")).ShouldContain("X-WR-CALNAME:Tumor board meetings");
    }

    static string Unfold(string ics) => ics.Replace("\r\n ", "");

    static string Escape(string text) => text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,");

    static string[] Fields(string ics, params string[] names) =>
        [.. ics.Split("\r\n").Where(l => names.Any(n => l.StartsWith(n + ":", StringComparison.Ordinal) || l.StartsWith(n + ";", StringComparison.Ordinal)))];

    static List<string> MessagesUnder(string html, string field) =>
        Regex.Matches(html, $@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>(?:<span[^>]*>)?([^<]+)<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(m => m.Length > 0).ToList();
}
