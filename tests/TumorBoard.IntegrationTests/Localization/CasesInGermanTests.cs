using System.Net;
using TumorBoard.Domain.Cases;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Forms;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Pages;
using TumorBoard.Web.Http;

namespace TumorBoard.IntegrationTests.Localization;

/// <summary>
/// The case, patient, dashboard, worklist and administration pages (issue #15 part 1) rendered with real records in
/// de-CH show none of the English words they had, and German ones instead; a French and an Italian spot check; a form
/// refused in French shows the French message under its field.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CasesInGermanTests(AppFixture app) : DatabaseTest(app)
{
    /// <summary>A draft case and a second one ready for the board, for the same patient.</summary>
    async Task<(Guid PatientId, Guid DraftId, Guid ReadyId)> CasesAsync()
    {
        var (patientId, draftId) = await TestData.RegisterCaseAsync(app);
        var readyId = (await app.Send(AppFixture.Coordinator, TestData.Case(patientId))).Id;
        await TestData.MoveToAsync(app, readyId, CaseStatus.ReadyForBoard);
        return (patientId, draftId, readyId);
    }

    static async Task<string> TextAsync(HttpClient client, string path, string culture = "de-CH")
    {
        using var response = await client.GetAsync(path + (path.Contains('?') ? "&" : "?") + "culture=" + culture);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return RenderedPages.VisibleText(RenderedPages.Parse(await response.Content.ReadAsStringAsync()));
    }

    static void ShowsGerman(string text, string path, string[] english, string[] german)
    {
        foreach (var word in english) text.ShouldNotContain(word, Case.Sensitive, $"{path} shows \"{word}\" in de-CH");
        foreach (var word in german) text.ShouldContain(word, Case.Sensitive, $"{path} lacks \"{word}\" in de-CH");
    }

    [Fact]
    public async Task The_case_pages_in_german_show_no_english_words()
    {
        var (patientId, draftId, _) = await CasesAsync();
        using var pages = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        ShowsGerman(await TextAsync(pages, $"/Cases/Details/{draftId}"), "case details",
            ["Primary tumour", "Histology", "Question for the board", "Referring clinician", "General condition", "Presentation",
             "Spinal lesions", "Edit case", "Mark ready for the board", "Withdraw the case", "Assessments side by side",
             "NOMS suggestion", "Not submitted yet", "Myelopathy", "Brain mets", "registered", "last change", "Yes"],
            ["Primärtumor", "Frage an das Tumorboard", "Fall bearbeiten", "Wirbelsäulenläsionen", "NOMS-Vorschlag", "Fall zurückziehen"]);
        ShowsGerman(await TextAsync(pages, $"/Cases/{draftId}/History"), "case history",
            ["Decision history", "Back to the case", "Kinds of event", "Show everything", "Decision versions", "Timeline",
             "oldest first", "What happened", "Download JSON"],
            ["Entscheidverlauf", "Zeitachse", "Zurück zum Fall"]);
        ShowsGerman(await TextAsync(pages, $"/Cases/Edit/{draftId}"), "case edit form",
            ["Edit case", "Date of diagnosis", "Level (first)", "Compartments involved", "More lesion rows", "Total dose",
             "Save case", "Cancel", "Choose…", "Frankel grade", "Symptom onset", "Clinical question"],
            ["Fall speichern", "Diagnosedatum", "Betroffene Kompartimente", "Gesamtdosis (Gy)", "Ja", "Nein"]);
        ShowsGerman(await TextAsync(pages, "/Cases"), "case list",
            ["urgent first", "MRN or name", "Register case", "Registered", "Urgency", "Question"],
            ["2 Fälle, dringliche zuerst", "Dringlichkeit", "Fall erfassen"]);
        ShowsGerman(await TextAsync(pages, $"/Cases/Register?patientId={patientId}"), "case registration",
            ["Register a case", "already has", "choose another", "Register another only", "Spinal lesions"],
            ["Für diesen Patienten sind bereits 2 Fälle offen.", "Fall erfassen"]);
    }

    [Fact]
    public async Task The_patient_dashboard_worklist_and_admin_pages_in_german_show_no_english_words()
    {
        var (patientId, _, _) = await CasesAsync();
        using var pages = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        ShowsGerman(await TextAsync(pages, "/Patients"), "patient list",
            ["Date of birth", "patient(s)", "Search", "Register a patient", "Previous", "Page 1 of"],
            ["Geburtsdatum", "1 Patient(en)", "Seite 1 von 1"]);
        ShowsGerman(await TextAsync(pages, $"/Patients/Details/{patientId}"), "patient details",
            ["Register a case for this patient", "Edit patient", "Date of birth", "Female", "Ready for board", "Breast", "Urgent"],
            ["Fall für diesen Patienten erfassen", "Weiblich", "Bereit für das Board", "Dringlich", "12.04.1961"]);
        ShowsGerman(await TextAsync(pages, "/Patients/Register"), "patient registration",
            ["Medical record number", "Family name", "Given name", "From hospital record", "Preview the record", "Register patient"],
            ["Patientennummer", "Nachname", "Vorname", "Aus dem Spitaldossier (FHIR)"]);
        ShowsGerman(await TextAsync(pages, $"/Patients/Edit/{patientId}"), "patient edit form",
            ["Edit patient", "Language the patient reads", "Save", "Cancel"],
            ["Patient bearbeiten", "Speichern"]);
        ShowsGerman(await TextAsync(pages, "/Dashboard"), "coordinator dashboard",
            ["Coordinator dashboard", "Upcoming meetings", "No meetings planned", "Ready for the board", "Drafts older than",
             "Overdue follow-ups", "Waiting", "day(s)"],
            ["Nächste Sitzungen", "Bereit für das Board, noch nicht traktandiert (1)", "Überfällige Nachkontrollen"]);

        using var specialist = await PageClient.SignedInAsync(app, AppFixture.MedOnc);
        ShowsGerman(await TextAsync(specialist, "/Worklist"), "worklist",
            ["My worklist", "Assessments still due", "Nothing is due", "overdue", "My meetings calendar"],
            ["Meine Arbeitsliste", "Noch fällige (nicht eingereichte) Beurteilungen", "0 fällig, 0 überfällig"]);

        using var admin = await PageClient.SignedInAsync(app, AppFixture.Admin);
        var accounts = await TextAsync(admin, "/Admin/Accounts");
        ShowsGerman(accounts, "accounts", ["Create account", "Email or name", "Active", "Roles", "accounts"],
            ["Konto erstellen", "Aktiv", "Koordination"]);
        ShowsGerman(await TextAsync(admin, "/Admin/Accounts/Create"), "account creation",
            ["Create account", "Display name", "Initial password", "is held alone", "Discipline (specialists only)"],
            ["Anzeigename", "Erstes Passwort (mindestens 12 Zeichen)"]);
        ShowsGerman(await TextAsync(admin, "/Admin/Audit"), "audit trail",
            ["Audit trail", "Record type", "Actor id", "From day", "Who read or changed", "entries", "Use case"],
            ["Art des Datensatzes", "Einträge", "Anwendungsfall"]);
    }

    [Fact]
    public async Task The_case_page_in_french_and_the_patient_form_in_italian()
    {
        var (_, draftId, _) = await CasesAsync();
        using var pages = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var french = await TextAsync(pages, $"/Cases/Details/{draftId}", "fr-CH");
        foreach (var word in new[] { "Primary tumour", "Question for the board", "Edit case", "Withdraw the case" })
            french.ShouldNotContain(word, Case.Sensitive);
        french.ShouldContain("Tumeur primaire");
        french.ShouldContain("Question au colloque");
        french.ShouldContain("Suggestion NOMS (indicative)");

        var italian = await TextAsync(pages, "/Patients/Register", "it-CH");
        foreach (var word in new[] { "Family name", "Given name", "Date of birth", "Register patient" })
            italian.ShouldNotContain(word, Case.Sensitive);
        italian.ShouldContain("Cognome");
        italian.ShouldContain("Data di nascita");
        italian.ShouldContain("Registrare il paziente");
    }

    [Fact]
    public async Task A_patient_form_refused_in_french_shows_the_french_message_under_the_field()
    {
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        async Task<(string Message, string Text)> RefusedAsync(string culture)
        {
            var path = $"/Patients/Register?culture={culture}";
            var fields = FormScrape.Fields(await client.GetStringAsync(path), "name=\"" + FormTokenMiddleware.Field + "\"")
                .With("Input.Mrn", $"FR-{culture}").With("Input.FamilyName", "").With("Input.GivenName", "Anna")
                .With("Input.DateOfBirth", "1961-04-12").With("Input.Sex", "Female");
            using var refused = await client.PostAsync(path, new FormUrlEncodedContent(fields));
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var doc = RenderedPages.Parse(await refused.Content.ReadAsStringAsync());
            var message = doc.QuerySelector("[data-valmsg-for='Input.FamilyName']")?.TextContent.Trim() ?? "";
            return (message, RenderedPages.VisibleText(doc));
        }

        var (english, _) = await RefusedAsync("en");
        var (french, text) = await RefusedAsync("fr-CH");
        english.ShouldNotBeEmpty();
        french.ShouldNotBeEmpty();
        french.ShouldNotBe(english);
        text.ShouldContain("Nom de famille");
        text.ShouldNotContain("Family name", Case.Sensitive);
    }
}
