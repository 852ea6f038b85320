using System.Net;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Pages;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Localization;

/// <summary>
/// The assessment and score pages in the board's languages (issue #15 part 1): rendered in de-CH with real assessments,
/// none of the English words that were on them is left in what a person sees, and the German words are there; a French
/// and an Italian spot check; a form posted in French shows the French message under its field.
/// </summary>
[Collection(MeetingsDatabase.Name)]
public sealed class AssessmentsInGermanTests(AppFixture app) : DatabaseTest(app)
{
    const string SinsT11 = "/Scores/Sins?Input.Level=T11&Input.Location=&Input.Pain=Mechanical&Input.BoneLesion=Lytic"
        + "&Input.Alignment=DeNovoDeformity&Input.Collapse=MoreThan50Percent&Input.Posterolateral=Unilateral";

    /// <summary>English words of the score pages and their partials (the page's own texts, not the vocabulary).</summary>
    static readonly string[] EnglishOnScorePages =
    [
        "Clinical scores", "Calculate", "Calculators for the scores", "not assessed", "Spinal level", "Bone lesion",
        "Radiographic alignment", "Vertebral body collapse", "Posterolateral involvement", "SINS result", "Component",
        "Points", "Source:", "of 18", "surgical consultation", "Incomplete — no total", "Missing:", "Revised Tokuhashi",
        "Extraspinal bone metastases", "Visceral metastases", "Primary site", "Palsy", "General condition", "predicted survival",
        "of 15", "Tomita result", "Primary tumour growth", "strategy:", "ESCC result", "high grade", "low grade",
        "controversial", "NOMS suggestion", "Radiation (step A)", "Mechanical (step B)", "Histology (pre-fills",
        "Gross instability", "Fit for surgery", "rapidly progressive", "Performance status", "Converted performance status",
        "a range, not a single value", "Store a converted value",
    ];

    /// <summary>English words of the assessment forms, the side-by-side page and the history.</summary>
    static readonly string[] EnglishOnAssessmentPages =
    [
        "Neurosurgery assessment", "Radiation oncology assessment", "Medical oncology assessment", "Case of", "lesions T",
        "Save draft", "Save and submit", "Drafts may be incomplete", "Reason for the revision", "A revision is a new version",
        "Warnings from the saved version", "Lesions", "Pre-filled with one row", "Add a lesion row", "Index level",
        "SINS location by hand", "Pain", "Bone lesion", "Radiographic alignment", "Vertebral body collapse",
        "Posterolateral involvement", "Bilsky grade", "Gross instability", "(saved)", "The SINS total appears",
        "More lesion rows", "Neurology", "Frankel grade", "ASIA grade", "Myelopathy", "Course of the deficit", "Recommendation",
        "Fit for open surgery", "If borderline", "Surgical recommendation", "Target levels", "Rationale", " of 18",
        "points", "Radiosensitivity", "prior radiotherapy", "Prior radiotherapy", "From the table", "Effective (saved)",
        "Dose per fraction", "Override the table", "Reason for the override", "Re-irradiation", "Common schedule",
        "Total dose", "Fractions", "Timing", "Disease and performance status", "Systemic disease", "Brain metastases",
        "steps of 10", "Tokuhashi and Tomita components", "Extraspinal bone metastases", "Vertebral body metastases",
        "Primary site", "Primary tumour growth", "Visceral metastases", "Bone metastases", "Prognosis and plan",
        "Expected survival", "Systemic therapy", "Bone-modifying agent", "Fit for systemic therapy", "patient's preferences",
        "Revised Tokuhashi", "of 15", "of 10", "pre-filled", "Specialist assessments", "Back to the case",
        "Question for the board", "Not submitted yet", "Scores</", "No computed scores", "Version history", "Dose",
        "fractions", "Tokuhashi (revised)", "high grade", "low grade", "incomplete", "Prior RT", "assessment history",
        "version history", "Assessments side by side", "Kind", "Author", "Saved", "Reason", "Fields changed",
        "What changed", "From version", "To version", "Compare", "field changed", "fields changed", "Before", "After",
    ];

    /// <summary>What a person sees on the page, without the parts these pages do not write: the board's NOMS suggestion
    /// (Shared/_NomsSuggestion), and the domain's sentences (disagreements, warnings, the NOMS rationale lines).</summary>
    static async Task<string> VisibleAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {html[..Math.Min(html.Length, 400)]}");
        var doc = RenderedPages.Parse(html);
        foreach (var other in doc.QuerySelectorAll("#noms-suggestion, .disagreements ul, .assessment-warnings ul, .live-warnings, #noms-result-title ~ ul").ToList())
            other.Remove();
        return RenderedPages.VisibleText(doc);
    }

    static void NoEnglish(string path, string text, IEnumerable<string> words) =>
        words.Where(w => text.Contains(w, StringComparison.Ordinal)).ToList()
            .ShouldBeEmpty($"{path} still shows English words");

    [Fact]
    public async Task The_score_calculators_in_German_show_no_English_words()
    {
        using var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var pages = new[]
        {
            "/Scores", SinsT11, SinsT11.Replace("MoreThan50Percent", ""), "/Scores/Escc?Input.Grade=1c", "/Scores/Escc?Input.Grade=2",
            "/Scores/Tokuhashi?Input.Karnofsky=80&Input.Ecog=&Input.ExtraspinalBoneMetastases=0&Input.VertebralBodyMetastases=1"
                + "&Input.VisceralMetastases=None&Input.PrimarySite=Breast&Input.Frankel=E",
            "/Scores/Tomita?Input.PrimaryGrowth=Slow&Input.VisceralMetastases=None&Input.BoneMetastases=Multiple",
            "/Scores/Tomita?Input.PrimaryGrowth=Slow",
            "/Scores/Noms?Input.Histology=RenalCell&Input.Escc=2&Input.SinsTotal=13&Input.FitForSurgery=true",
            "/Scores/PerformanceStatus?Input.Karnofsky=80", "/Scores/PerformanceStatus?Input.Ecog=1",
        };
        var all = new List<string>();
        foreach (var path in pages)
        {
            var text = await VisibleAsync(client, path + (path.Contains('?') ? "&" : "?") + "culture=de-CH");
            NoEnglish(path, text, EnglishOnScorePages);
            all.Add(text);
        }
        var german = string.Join("\n", all);
        foreach (var word in new[] { "Klinische Scores", "Berechnen", "— nicht beurteilt —", "Gesamtwert 14 von 18", "Komponente", "Punkte",
                     "Quelle:", "Unvollständig — kein Gesamtwert.", "Wirbelkörperkollaps", "ESCC-Ergebnis", "hochgradig (2–3)",
                     "Separationschirurgie", "NOMS-Vorschlag (beratend)", "Bestrahlung (Schritt A)", "Ergebnis revidierter Tokuhashi",
                     "erwartete Überlebenszeit", "Tomita-Ergebnis", "Strategie:", "Umgerechneter Allgemeinzustand", "Ja" })
            german.ShouldContain(word);
    }

    [Fact]
    public async Task The_assessment_pages_in_German_show_no_English_words()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery(), caseId);
        await SubmitAsync(app, AppFixture.RadOnc, SrsWithoutSurgery(), caseId);
        await SubmitAsync(app, AppFixture.MedOnc, MedicalOncology(), caseId);
        var pages = new (string Email, string Path)[]
        {
            (AppFixture.Neurosurgeon, $"/Cases/{caseId}/Assessments/Neurosurgery"),
            (AppFixture.RadOnc, $"/Cases/{caseId}/Assessments/RadiationOncology"),
            (AppFixture.MedOnc, $"/Cases/{caseId}/Assessments/MedicalOncology"),
            (AppFixture.RadOnc, $"/Cases/{caseId}/Assessments/Neurosurgery"),   // read-only: another discipline
            (AppFixture.Clinician, $"/Cases/{caseId}/Assessments"),
            (AppFixture.Clinician, $"/Cases/{caseId}/Assessments/neurosurgery/History"),
        };
        var all = new List<string>();
        foreach (var (email, path) in pages)
        {
            using var client = await PageClient.SignedInAsync(app, email);
            var text = await VisibleAsync(client, path + "?culture=de-CH");
            NoEnglish($"{path} as {email}", text, EnglishOnAssessmentPages);
            all.Add(text);
        }
        var german = string.Join("\n", all);
        foreach (var word in new[] { "Beurteilung Neurochirurgie", "Beurteilung Radio-Onkologie", "Beurteilung Medizinische Onkologie",
                     "Begründung der Überarbeitung (erforderlich)", "Überarbeiten", "Läsion 1", "Indexsegment", "SINS 9 von 18",
                     "Punkte", "Aus der Tabelle", "Einzeldosis", "Komponenten von Tokuhashi und Tomita", "Revidierter Tokuhashi:",
                     "Fachbeurteilungen:", "Zurück zum Fall", "Frage an das Tumorboard:", "Versionsverlauf", "27 Gy in 3 Fraktionen",
                     "Tokuhashi (revidiert)", "hochgradig", "Was sich geändert hat", "Version 1 → Version 2:", "Vergleichen",
                     "Nur eine Fachperson der Neurochirurgie schreibt diese Beurteilung" })
            german.ShouldContain(word);
    }

    [Fact]
    public async Task The_live_SINS_line_and_a_saved_draft_message_come_in_German()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);
        var live = RenderedPages.VisibleText(RenderedPages.Parse(await client.GetStringAsync($"/Cases/{caseId}/Assessments/Neurosurgery"
            + "?handler=Sins&Level=T5&Pain=Mechanical&BoneLesion=Lytic&Alignment=Normal&Collapse=LessThan50Percent&Posterolateral=Unilateral"
            + "&escc=2&culture=de-CH")));
        live.ShouldContain("SINS 9 von 18");
        live.ShouldContain("(hochgradig)");
        live.ShouldContain("1 Punkt");
        live.ShouldNotContain("points");

        var incomplete = RenderedPages.VisibleText(RenderedPages.Parse(await client.GetStringAsync($"/Cases/{caseId}/Assessments/Neurosurgery"
            + "?handler=Sins&Level=T5&Pain=Mechanical&culture=de-CH")));
        incomplete.ShouldContain("SINS unvollständig — es fehlt: Art der Knochenläsion");
    }

    [Fact]
    public async Task Spot_checks_in_French_and_Italian()
    {
        using var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var french = await VisibleAsync(client, SinsT11 + "&culture=fr-CH");
        foreach (var word in new[] { "Calculer", "Résultat SINS", "Total 14 sur 18", "Composante", "Source\u202F:", "Niveau vertébral" })
            french.ShouldContain(word);
        NoEnglish(SinsT11, french, EnglishOnScorePages.Except(["Points"]));   // "Points" is French too

        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery(), caseId);
        var italian = await VisibleAsync(client, $"/Cases/{caseId}/Assessments?culture=it-CH");
        foreach (var word in new[] { "Valutazioni specialistiche:", "Torna al caso", "Non ancora inviata.", "Nemmeno una bozza.",
                     "Cronologia delle versioni", "Raccomandazione", "Livelli bersaglio" })
            italian.ShouldContain(word);
        NoEnglish("side by side (it)", italian, ["Not submitted yet", "No draft either", "Version history", "Recommendation", "Target levels"]);
    }

    [Fact]
    public async Task A_radiation_oncology_form_posted_in_French_shows_the_French_message_under_the_dose()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        var path = $"/Cases/{caseId}/Assessments/RadiationOncology";
        var form = await client.GetStringAsync(path + "?culture=fr-CH");
        using var response = await client.PostAsync($"{path}?handler=Save&culture=fr-CH", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageClient.AntiforgeryToken(form),
            ["Input.Recommendation"] = "ConventionalEbrt", ["Input.TotalDoseGy"] = "70", ["Input.Fractions"] = "10",
            ["Input.TargetLevels"] = "T11",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = RenderedPages.Parse(await response.Content.ReadAsStringAsync());
        doc.QuerySelector("[data-valmsg-for='Input.TotalDoseGy']")!.TextContent.ShouldBe("La dose totale est de 1 à 60 Gy.");
        var text = RenderedPages.VisibleText(doc);
        text.ShouldContain("Évaluation de radio-oncologie");
        text.ShouldContain("Enregistrer le brouillon");
        text.ShouldContain("Dose totale (Gy)");
        text.ShouldNotContain("Save draft");
    }
}
