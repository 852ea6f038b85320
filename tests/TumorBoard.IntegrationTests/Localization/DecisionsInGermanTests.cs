using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Pages;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Localization;

/// <summary>
/// The decision pages in the board's languages (issue #15 part 1): rendered with real data in de-CH they show none of the
/// English words they had (only the stored texts of the test data stay as typed), and their German words; one French and
/// one Italian spot check; a decision recorded through the page in fr-CH, whose rule failure is shown in French under
/// its field. The shared NOMS and conflict panels (translated with the score pages) are left out of the text.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed partial class DecisionsInGermanTests(AppFixture app) : DatabaseTest(app)
{
    static string RecordPath(Board b) => $"/Meetings/{b.MeetingId}/Decide/{b.ItemId}";

    [Fact]
    public async Task A_signed_decision_in_german_shows_no_english_words()
    {
        var (_, signed) = await SignedAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var text = await TextAsync(client, $"/Decisions/{signed.Id}?culture=de-CH");

        NoEnglish(text, "Decision version", "Signed: the current decision", "Decision links", "Case history",
            "Follow-up date", "Download PDF", "Download FHIR", "Print", "Plan, in order", "Treatment", "Target levels", "Timing",
            "Rationale", "Patient's preferences", "Responsible clinician", "Recorded", "last change",
            "Positions of the members", "No positions recorded", "Signed by", "Signed at", "Meaning",
            "Content matches signature", "NOMS concordance", "Separation surgery", "Urgent (within a week)", "not recorded",
            "approved as board chair");
        text.ShouldContain("Entscheid Version 1");
        // The signed words stay English in the record and the API; the page says what they mean in German.
        text.ShouldContain("als Vorsitz des Tumorboards genehmigt");
        text.ShouldContain("Signiert: der geltende Entscheid des Tumorboards für diesen Fall.");
        text.ShouldContain("Haltungen der Mitglieder");
        text.ShouldContain("Inhalt stimmt mit der Unterschrift überein");
        text.ShouldContain("Separationschirurgie");
    }

    [Fact]
    public async Task The_record_form_and_a_draft_with_a_dissent_in_german_show_no_english_words()
    {
        var board = await BoardAsync(app);
        using var coordinator = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var form = await TextAsync(coordinator, RecordPath(board) + "?culture=de-CH");
        NoEnglish(form, "Board decision", "Case and meeting", "On the agenda", "Current decision", "none signed yet",
            "Required assessments", "Each required discipline", "Outcome", "Information needed", "What exactly is needed",
            "One row per step", "Step row", "Kind of step", "no step", "Target levels", "Total dose", "Fractions", "Timing",
            "choose", "More step rows", "Intent", "Rationale", "Concordance with the NOMS suggestion", "Reason for departing",
            "not discordant", "Discordance explained", "Patient's preferences", "Preferences as the board considered them",
            "Not available", "Why they are not available", "Responsible clinician", "Choose the responsible clinician",
            "Follow-up date", "Save decision", "Back to the meeting", "pre-filled", "from the");
        form.ShouldContain("Entscheid des Tumorboards");
        form.ShouldContain("Art des Schritts");
        form.ShouldContain("Entscheid speichern");
        form.ShouldContain("Erforderliche Beurteilungen");

        var draft = await RecordAsync(app, board);
        using var medOnc = await PageClient.SignedInAsync(app, AppFixture.MedOnc);
        await app.Send(AppFixture.MedOnc, new RecordPosition.Command
        {
            DecisionId = draft.Id, Kind = PositionKind.Disagree, Text = "Prefers SBRT alone.",
        });
        var page = await TextAsync(medOnc, $"/Decisions/{draft.Id}?culture=de-CH");
        NoEnglish(page, "Draft, not signed", "Members present record their positions", "Dissent recorded",
            "member disagrees", "Member", "Discipline", "Position", "Reason or comment", "My position on this draft",
            "Record my position", "Edit draft", "Not signed. Content hash now", "Signature");
        page.ShouldContain("Entwurf, nicht signiert.");
        page.ShouldContain("1 Mitglied lehnt diesen Entscheid ab.");
        page.ShouldContain("Meine Haltung erfassen");

        var editing = await TextAsync(coordinator, RecordPath(board) + "?culture=de-CH");
        NoEnglish(editing, "You are changing the draft", "last saved", "Positions taken on it");
        editing.ShouldContain("Sie ändern den Entwurf");
    }

    [Fact]
    public async Task Amend_follow_up_and_the_case_s_decisions_in_german_show_no_english_words()
    {
        var (board, signed) = await SignedAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var amend = await TextAsync(client, $"/Decisions/{signed.Id}/Amend?culture=de-CH");
        NoEnglish(amend, "Amend decision version", "What an amendment does", "The amendment is saved",
            "stays unchanged", "Reason for the amendment", "Save amendment", "Back to the decision", "Kind of step");
        amend.ShouldContain("Entscheid Version 1 ändern");
        amend.ShouldContain("Änderung speichern");

        var followUp = await TextAsync(client, $"/Decisions/{signed.Id}/FollowUp?culture=de-CH");
        NoEnglish(followUp, "Follow-up of decision version", "Outcome", "signed by", "Follow-up due",
            "Plan steps", "Recommended by the board", "Current status", "History", "Not recorded", "Nothing recorded yet",
            "Record what was done", "Plan step", "What happened to the step", "Date performed", "Why it was not",
            "Required when the step", "Reason", "Other reason", "Note (optional)", "Record follow-up",
            "Separation surgery", "Urgent (within a week)");
        followUp.ShouldContain("Nachkontrolle des Entscheids Version 1");
        followUp.ShouldContain("Separationschirurgie");
        followUp.ShouldContain("Nachkontrolle erfassen");

        var caseDetails = await TextAsync(client, $"/Cases/Details/{board.CaseId}?culture=de-CH");
        caseDetails.ShouldContain("Entscheide");
        caseDetails.ShouldContain("Signiert (geltend)");
        caseDetails.ShouldNotContain("(current)");
        caseDetails.ShouldNotContain("No decision recorded yet");
    }

    [Fact]
    public async Task The_emergency_plan_page_in_german_shows_no_english_words()
    {
        var caseId = await EmergencyPlanTestData.P1CaseAsync(app);
        using var neurosurgeon = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);

        var form = await TextAsync(neurosurgeon, $"/Cases/{caseId}/EmergencyPlan?culture=de-CH");
        NoEnglish(form, "Emergency plan outside a meeting", "What an emergency plan is", "For a P1 emergency",
            "Current decision", "none signed yet", "Save emergency plan", "Back to the case", "Kind of step", "Rationale");
        form.ShouldContain("Was ein Notfallplan ist");
        form.ShouldContain("Notfallplan speichern");

        var draft = await EmergencyPlanTestData.DraftAsync(app, caseId);
        var signing = await TextAsync(neurosurgeon, $"/Cases/{caseId}/EmergencyPlan?culture=de-CH");
        NoEnglish(signing, "Draft version", "Read the whole plan", "before you sign", "Signature for", "Signing as",
            "Password", "Sign for", "Not signed yet");
        signing.ShouldContain($"Entwurf Version {draft.Number}");
        signing.ShouldContain("Für Neurochirurgie unterschreiben");
    }

    [Fact]
    public async Task French_and_italian_spot_checks()
    {
        var (_, signed) = await SignedAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var french = await TextAsync(client, $"/Decisions/{signed.Id}?culture=fr-CH");
        NoEnglish(french, "Decision version", "Positions of the members", "Signature check", "Rationale", "Responsible clinician");
        french.ShouldContain("Décision version 1");
        french.ShouldContain("Positions des membres");
        french.ShouldContain("Chirurgie de séparation");

        var board = await BoardAsync(app);
        var italian = await TextAsync(client, RecordPath(board) + "?culture=it-CH");
        NoEnglish(italian, "Save decision", "Kind of step", "Rationale", "Responsible clinician", "Back to the meeting");
        italian.ShouldContain("Salvare la decisione");
        italian.ShouldContain("Tipo di fase");
    }

    [Fact]
    public async Task A_decision_recorded_through_the_page_in_french_shows_its_error_in_french_under_the_field()
    {
        var board = await BoardAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var path = RecordPath(board) + "?culture=fr-CH";
        var fields = new Dictionary<string, string>
        {
            ["Input.Content.Outcome"] = "TreatmentRecommendation",
            ["Input.Content.Intent"] = "LocalControl",
            ["Input.Content.Rationale"] = "",
            ["Input.Content.NomsConcordance"] = "Concordant",
            ["Input.Content.PatientPreferences"] = "Souhaite rester mobile.",
            ["Input.Content.ResponsibleClinicianId"] = (await app.UserIdAsync(AppFixture.Clinician)).ToString(),
            ["Input.Content.FollowUpDate"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            ["Input.Steps[0].Position"] = "1", ["Input.Steps[0].Kind"] = "SeparationSurgery",
            ["Input.Steps[0].Timing"] = "Urgent", ["Input.Steps[0].TargetLevels[0]"] = "T5",
        };

        var refused = await PageClient.PostFormAsync(client, path, fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        MessagesUnder(html, "Input.Content.Rationale").ShouldContain("Indiquez la justification de la décision.");
        var text = VisibleText(html);
        NoEnglish(text, "Give the rationale", "Save decision", "Rationale (required)");
        text.ShouldContain("Enregistrer la décision");
        text.ShouldContain("Justification (obligatoire)");

        fields["Input.Content.Rationale"] = "Chirurgie de séparation puis SBRT.";
        var saved = await PageClient.PostFormAsync(client, path, fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(saved.Headers.Location!.ToString().Split('/').Last());
        (await app.Send(AppFixture.Coordinator, new GetDecision.Query(id))).Status.ShouldBe(DecisionStatus.Draft);

        var page = await TextAsync(client, $"/Decisions/{id}?culture=fr-CH");
        page.ShouldContain("Décision version 1 enregistrée comme brouillon\u202F: les membres peuvent maintenant enregistrer leur position.");
        page.ShouldContain("Brouillon, non signé.");
        page.ShouldNotContain("saved as a draft");
    }

    static async Task<string> TextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return VisibleText(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page's visible text without the shared NOMS and conflict panels, which are another slice's pages.</summary>
    static string VisibleText(string html)
    {
        var doc = RenderedPages.Parse(html);
        foreach (var shared in doc.QuerySelectorAll("#noms-suggestion, #conflicts").ToList()) shared.Remove();
        return RenderedPages.VisibleText(doc);
    }

    static void NoEnglish(string text, params string[] english)
    {
        text.ShouldNotBeEmpty();
        foreach (var word in english) text.ShouldNotContain(word, Case.Sensitive, $"the page shows \"{word}\"");
    }

    static List<string> MessagesUnder(string html, string field) =>
        FieldMessage(field).Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(m => m.Length > 0).ToList();

    static Regex FieldMessage(string field) => new($@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>(?:<span[^>]*>)?([^<]+)<");
}
