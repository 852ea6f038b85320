using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Forms;

/// <summary>
/// The letter page without JavaScript, as a browser posts it: from the decision page to the letter page, draft, the "why"
/// form (a refusal under its field, then saved as a version), the preview in the patient's language, the print view and
/// "record as sent" — the same commands as the API.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed partial class PatientLetterPageTests(AppFixture app) : DatabaseTest(app)
{
    static string Action(string html, string marker)
    {
        var start = html.LastIndexOf("<form", html.IndexOf(marker, StringComparison.Ordinal), StringComparison.Ordinal);
        return WebUtility.HtmlDecode(ActionAttribute().Match(html, start).Groups[1].Value);
    }

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex ActionAttribute();

    [Fact]
    public async Task The_responsible_clinician_drafts_edits_prints_and_records_the_letter_on_the_pages()
    {
        var (_, signed) = await SignedAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        (await client.GetStringAsync($"/Decisions/{signed.Id}")).ShouldContain($"href=\"/Decisions/{signed.Id}/Letter\"");
        var path = $"/Decisions/{signed.Id}/Letter";

        var page = await client.GetStringAsync(path);
        page.ShouldContain("No letter has been drafted");
        var drafted = await HtmlForm.Of(page, "id=\"generate-form\"").PostAsync(client, Action(page, "id=\"generate-form\""));
        drafted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        page = WebUtility.HtmlDecode(await client.GetStringAsync(path));   // Razor writes ä as &#xE4;
        page.ShouldContain("lang=\"de\"");
        page.ShouldContain("Ihre Wirbelsäule: Was unser Team empfiehlt");
        page.ShouldContain(TumorBoardApp.TestEmergencyPhone);
        page.ShouldContain("Eine sehr genaue Bestrahlung mit hoher Dosis (SBRT).");

        var blank = await HtmlForm.Of(page, "id=\"why-form\"").Set("Edit.Why", "  ").PostAsync(client, Action(page, "id=\"why-form\""));
        blank.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await blank.Content.ReadAsStringAsync()).ShouldContain("Write why the team recommends this, in plain words.");

        const string why = "Der Tumor drückt auf Ihr Rückenmark. Darum nehmen wir zuerst den Druck weg.";
        var saved = await HtmlForm.Of(page, "id=\"why-form\"").Set("Edit.Why", why).PostAsync(client, Action(page, "id=\"why-form\""));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        page.ShouldContain(why);
        page.ShouldContain("Version 2 of 2");

        var print = await client.GetAsync($"/Decisions/{signed.Id}/Letter/Print");
        print.StatusCode.ShouldBe(HttpStatusCode.OK);
        var printed = WebUtility.HtmlDecode(await print.Content.ReadAsStringAsync());
        printed.ShouldContain(why);
        printed.ShouldContain("id=\"patient-letter\"");
        printed.ShouldNotContain("why-form");

        var sent = await HtmlForm.Of(page, "id=\"send-form\"").Set("Send.Method", nameof(LetterSendMethod.Print)).PostAsync(client, Action(page, "id=\"send-form\""));
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await client.GetStringAsync(path);
        page.ShouldContain("Version 2 was recorded as printed for the patient");
        page.ShouldNotContain("id=\"why-form\"");
        (await app.QueryDbAsync(db => db.PatientLetters.Select(l => l.SentMethod).SingleAsync())).ShouldBe(LetterSendMethod.Print);
    }

    [Fact]
    public async Task A_why_form_sent_after_someone_else_edited_is_refused_on_the_page_and_nothing_is_overwritten()
    {
        var (_, signed) = await SignedAsync(app);
        var clinician = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var coordinator = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var path = $"/Decisions/{signed.Id}/Letter";
        var page = await clinician.GetStringAsync(path);
        (await HtmlForm.Of(page, "id=\"generate-form\"").PostAsync(clinician, Action(page, "id=\"generate-form\""))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mine = await clinician.GetStringAsync(path);
        var theirs = await coordinator.GetStringAsync(path);
        (await HtmlForm.Of(theirs, "id=\"why-form\"").Set("Edit.Why", "The coordinator's words.").PostAsync(coordinator, Action(theirs, "id=\"why-form\"")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var late = await HtmlForm.Of(mine, "id=\"why-form\"").Set("Edit.Why", "The clinician's words.").PostAsync(clinician, Action(mine, "id=\"why-form\""));
        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await late.Content.ReadAsStringAsync()).ShouldContain("changed");
        (await app.QueryDbAsync(db => db.PatientLetterVersions.OrderByDescending(v => v.Number).Select(v => v.Why).FirstAsync()))
            .ShouldBe("The coordinator's words.");
    }
}
