using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace TumorBoard.BrowserTests;

/// <summary>
/// Issue #15 part 1, "a browser test walks the decision flow in French": the walk of <see cref="BoardDecisionFlowTests"/>
/// with every browser context in fr-CH (Accept-Language fr-CH). Buttons, links and fields are found by their French
/// names from Texts/Ui.fr.resx (selects by id, as in the English test); the pages are asserted to be French
/// (lang="fr-CH", French headings and status words, dd.MM.yyyy dates), a refused submission shows its French message
/// under the field, and the API afterwards returns the same invariant record an English page would have written
/// (enum names, the dose 27 and a dose typed "8.5" as 8.5).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FrenchDecisionFlowTests(BrowserFixture browser, ITestOutputHelper output)
{
    const string French = "fr-CH";
    const string Dissent = "Je donnerais la SBRT seule et garderais la chirurgie pour la progression.";

    /// <summary>English words that should not be on a French page (whole words, case-sensitive), reported, not asserted.</summary>
    static readonly Regex EnglishWords = new(
        @"\b(the|and|of|for|with|Decision|Meeting|Signed|Draft|Save|Record(ed)?|approved|board chair|Board|Case|Follow-up|Agree|Disagree|Present|Missing|None|Yes|Print|History|Steps?|Timing|Intent|Rationale|Soon|Not recorded|not signed)\b",
        RegexOptions.CultureInvariant);

    readonly List<string> englishSeen = [];

    [Fact]
    public async Task A_whole_meeting_in_French_from_the_agenda_to_a_signed_decision_the_history_and_the_report()
    {
        var app = AppFixture.Over(browser.App);
        var board = await DecisionTestData.BoardAsync(app, quorum: false, start: false);
        var clinicianId = await app.UserIdAsync(AppFixture.Clinician);
        var followUp = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));

        // Attendance and start, in French.
        var coordinator = await browser.SignedInPageAsync(AppFixture.Coordinator, locale: French);
        await coordinator.GotoAsync($"/Meetings/Details/{board.MeetingId}");
        await AssertFrenchPageAsync(coordinator, "meeting details");
        await coordinator.GetByLabel("Dr. Rafael Radonc (Radio-oncologie)").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await coordinator.Locator("#quorum", new() { HasText = "Quorum atteint" }).WaitForAsync();
        string? asked = null;
        coordinator.Dialog += async (_, dialog) => { asked = dialog.Message; await dialog.AcceptAsync(); };
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Commencer la séance" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Clore la séance" }).WaitForAsync();
        if (asked is not null) asked.ShouldContain("plus d'un jour");
        await AssertFrenchPageAsync(coordinator, "running meeting");

        // The board view.
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Vue du colloque" }).First.ClickAsync();
        await coordinator.WaitForURLAsync(new Regex("/Board/"));
        await AssertFrenchPageAsync(coordinator, "board view");
        (await coordinator.Locator("#missing-inputs").InnerTextAsync()).ShouldContain("Rien ne manque");
        (await coordinator.Locator("#decision").InnerTextAsync()).ShouldContain("Toutes les conditions sont remplies");
        (await coordinator.Locator("#decision-title").InnerTextAsync()).ShouldBe("Décision");
        (await coordinator.Locator("#quorum-title").InnerTextAsync()).ShouldBe("Présents à la séance");

        // Recording the decision: plan steps, intent, rationale, concordance, responsible clinician, follow-up date.
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await coordinator.Locator("#Input_Steps_0__Kind").WaitForAsync();
        var recordPath = new Uri(coordinator.Url).AbsolutePath;
        await AssertFrenchPageAsync(coordinator, "decision form");
        await coordinator.Locator("#Input_Steps_0__Kind").SelectOptionAsync("SeparationSurgery");
        await coordinator.Locator("#Input_Steps_0__TargetLevels").SelectOptionAsync("T5");
        await coordinator.Locator("#Input_Steps_0__Timing").SelectOptionAsync("Urgent");
        if (!await coordinator.Locator("#Input_Steps_1__Kind").IsVisibleAsync())
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ajouter une étape" }).ClickAsync();
        await coordinator.Locator("#Input_Steps_1__Kind").SelectOptionAsync("SbrtSrs");
        await coordinator.Locator("#Input_Steps_1__TargetLevels").SelectOptionAsync("T5");
        await coordinator.Locator("#Input_Steps_1__DoseGy").FillAsync("27");
        await coordinator.Locator("#Input_Steps_1__Fractions").FillAsync("3");
        await coordinator.Locator("#Input_Steps_1__Timing").SelectOptionAsync("AfterPreviousStep");
        await coordinator.Locator("#Input_Steps_2__Timing").SelectOptionAsync("Soon");
        await coordinator.Locator("#Input_Steps_3__Timing").SelectOptionAsync("Soon");
        // A fifth step with a decimal dose, typed as a person with a Swiss keyboard would into the number field.
        if (!await coordinator.Locator("#Input_Steps_4__Kind").IsVisibleAsync())
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ajouter une étape" }).ClickAsync();
        await coordinator.Locator("#Input_Steps_4__Kind").SelectOptionAsync("ConventionalEbrt");
        await coordinator.Locator("#Input_Steps_4__TargetLevels").SelectOptionAsync("L2");
        await coordinator.Locator("#Input_Steps_4__DoseGy").FillAsync("8.5");
        await coordinator.Locator("#Input_Steps_4__Fractions").FillAsync("1");
        await coordinator.Locator("#Input_Steps_4__Timing").SelectOptionAsync("Soon");
        await coordinator.GetByLabel("Intention", new() { Exact = true }).SelectOptionAsync("LocalControl");
        await coordinator.GetByLabel("Conforme à la proposition NOMS").CheckAsync();
        await coordinator.GetByLabel("Préférences telles que le colloque les a prises en compte").FillAsync("Veut continuer à marcher ; accepte la chirurgie.");
        await coordinator.GetByLabel("Médecin responsable", new() { Exact = true }).SelectOptionAsync(clinicianId.ToString());
        await coordinator.GetByLabel("Date du suivi", new() { Exact = true }).FillAsync(followUp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // Refused first: no rationale. The French message stands under the field; nothing was saved.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision", Exact = true }).ClickAsync();
        var rationaleError = coordinator.Locator("[data-valmsg-for='Input.Content.Rationale']");
        await rationaleError.Filter(new() { HasText = "Indiquez la justification de la décision." }).WaitForAsync();
        new Uri(coordinator.Url).AbsolutePath.ShouldBe(recordPath);
        await AssertFrenchPageAsync(coordinator, "decision form refused without a rationale");
        // The rest of the form came back as typed, the decimal dose included.
        (await coordinator.Locator("#Input_Steps_4__DoseGy").InputValueAsync()).ShouldBe("8.5");
        (await coordinator.Locator("#Input_Steps_1__DoseGy").InputValueAsync()).ShouldBe("27");

        await coordinator.GetByLabel("Justification (obligatoire)").FillAsync("ESCC de haut grade d'un primitif radiorésistant : chirurgie de séparation, puis SBRT.");
        await BrowserFixture.SubmitAndExpectAsync(coordinator, "Enregistrer la décision", "/Decisions/[0-9a-f-]{36}$");
        var decisionUrl = new Uri(coordinator.Url).AbsolutePath;
        var decisionId = Guid.Parse(decisionUrl.Split('/').Last());
        await AssertFrenchPageAsync(coordinator, "draft decision");
        (await coordinator.Locator("#decision-status").InnerTextAsync()).Trim().ShouldBe("Brouillon");
        (await coordinator.Locator("#decision-state").InnerTextAsync()).ShouldContain("Brouillon, non signé.");
        var draftText = await coordinator.Locator("main").InnerTextAsync();
        draftText.ShouldContain(followUp.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        draftText.ShouldNotContain(followUp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        draftText.ShouldContain("Chirurgie de séparation");
        draftText.ShouldContain("Contrôle local");
        await coordinator.Context.CloseAsync();

        // Two members' positions, one dissent.
        await TakePositionAsync(decisionUrl, AppFixture.MedOnc, "Dr. Maya Medonc", "D'accord", null);
        await TakePositionAsync(decisionUrl, AppFixture.RadOnc, "Dr. Rafael Radonc", "Pas d'accord (dissidence)", Dissent);

        // The chair signs with the password.
        var chair = await browser.SignedInPageAsync(DecisionTestData.Chair, locale: French);
        await chair.GotoAsync(decisionUrl);
        await AssertFrenchPageAsync(chair, "draft decision seen by the chair");
        (await chair.Locator("#decision-positions").InnerTextAsync()).ShouldContain(Dissent);
        (await chair.Locator("#dissent").InnerTextAsync()).ShouldContain("1 membre n'est pas d'accord avec cette décision.");
        await chair.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(AppFixture.Password);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Signer en tant que présidence du colloque" }).ClickAsync();
        await chair.Locator("#signature-meaning").WaitForAsync();
        await AssertFrenchPageAsync(chair, "signed decision");
        (await chair.Locator("#decision-status").InnerTextAsync()).Trim().ShouldBe("Signée");
        (await chair.Locator("#decision-state").InnerTextAsync()).ShouldContain("la décision en vigueur du colloque pour ce cas");
        var signature = await chair.Locator("#decision-signature").InnerTextAsync();
        signature.ShouldContain("Signé par");
        signature.ShouldContain("Signification");
        signature.ShouldContain("Dr. Nora Neurosurg");
        signature.ShouldContain("Le contenu correspond à la signature");
        var meaning = (await chair.Locator("#signature-meaning").InnerTextAsync()).Trim();
        output.WriteLine($"signature meaning shown on the French decision page: \"{meaning}\"");
        var signedText = await chair.Locator("main").InnerTextAsync();
        signedText.ShouldContain(followUp.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        signedText.ShouldContain("Pas d'accord (dissidence)");
        signedText.ShouldContain(Dissent);
        await chair.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-decision-fr.png"), FullPage = true });
        await chair.Context.CloseAsync();

        // The French pages wrote the record an English page would: invariant values through the API.
        // (The app runs on Kestrel here, so the API is called over its real port with a bearer token, not the in-memory client.)
        using (var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl + "/") })
        {
            using (var tokenResponse = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = AppFixture.Coordinator, password = AppFixture.Password }))
            {
                tokenResponse.EnsureSuccessStatusCode();
                using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
                api.DefaultRequestHeaders.Authorization = new("Bearer", token.RootElement.GetProperty("accessToken").GetString());
            }
            using var response = await api.GetAsync($"/api/v1/decisions/{decisionId}");
            var body = await response.Content.ReadAsStringAsync();
            response.IsSuccessStatusCode.ShouldBeTrue(body);
            output.WriteLine(body);
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            root.GetProperty("status").GetString().ShouldBe("Signed");
            var content = root.GetProperty("content");
            content.GetProperty("intent").GetString().ShouldBe("LocalControl");
            content.GetProperty("nomsConcordance").GetString().ShouldBe("Concordant");
            content.GetProperty("followUpDate").GetString().ShouldBe(followUp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            content.GetProperty("rationale").GetString()!.ShouldStartWith("ESCC de haut grade");
            var plan = content.GetProperty("plan").EnumerateArray().ToList();
            plan.Count.ShouldBe(5);
            plan[0].GetProperty("kind").GetString().ShouldBe("SeparationSurgery");
            plan[0].GetProperty("timing").GetString().ShouldBe("Urgent");
            string.Join(",", plan[0].GetProperty("targetLevels").EnumerateArray().Select(l => l.GetString())).ShouldBe("T5");
            plan[1].GetProperty("kind").GetString().ShouldBe("SbrtSrs");
            plan[1].GetProperty("doseGy").GetDecimal().ShouldBe(27m);
            plan[1].GetProperty("fractions").GetInt32().ShouldBe(3);
            plan[1].GetProperty("timing").GetString().ShouldBe("AfterPreviousStep");
            plan[4].GetProperty("kind").GetString().ShouldBe("ConventionalEbrt");
            plan[4].GetProperty("doseGy").GetDecimal().ShouldBe(8.5m);
            plan[4].GetProperty("fractions").GetInt32().ShouldBe(1);
            plan[4].GetProperty("timing").GetString().ShouldBe("Soon");
            var positions = root.GetProperty("positions").EnumerateArray().ToList();
            string.Join(",", positions.Select(p => p.GetProperty("kind").GetString()).Order()).ShouldBe("Agree,Disagree");
            positions.Single(p => p.GetProperty("kind").GetString() == "Disagree").GetProperty("text").GetString().ShouldBe(Dissent);
            root.GetProperty("signature").GetProperty("meaning").GetString().ShouldBe("approved as board chair");
        }

        // The case history and the printed report, in French.
        var clinician = await browser.SignedInPageAsync(AppFixture.Clinician, locale: French);
        await clinician.GotoAsync($"/Cases/{board.CaseId}/History");
        await AssertFrenchPageAsync(clinician, "case history");
        (await clinician.Locator("h1").InnerTextAsync()).ShouldStartWith("Historique des décisions");
        (await clinician.Locator("#versions-title").InnerTextAsync()).ShouldBe("Versions de la décision");
        (await clinician.Locator("#timeline-title").InnerTextAsync()).ShouldBe("Chronologie");
        var history = await clinician.Locator("main").InnerTextAsync();
        history.ShouldContain("Dr. Nora Neurosurg");
        history.ShouldContain(Dissent);
        history.ShouldContain("Signée");
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Imprimer le rapport de décision" }).ClickAsync();
        await clinician.Locator("#report-title").WaitForAsync();
        await AssertFrenchPageAsync(clinician, "printed report");
        (await clinician.Locator("#positions-title").InnerTextAsync()).ShouldBe("Positions des membres du colloque");
        (await clinician.Locator("#signature-title").InnerTextAsync()).ShouldBe("Signature");
        var report = await clinician.Locator("main").InnerTextAsync();
        report.ShouldContain(Dissent);
        report.ShouldContain("Dr. Nora Neurosurg");
        report.ShouldContain(followUp.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await clinician.Context.CloseAsync();

        output.WriteLine(englishSeen.Count == 0 ? "No English words seen on the French pages."
            : "English words seen on the French pages:\n" + string.Join("\n", englishSeen));
        await File.WriteAllLinesAsync(Path.Combine(Path.GetTempPath(), "tumorboard-fr-english-words.txt"), englishSeen);
    }

    /// <summary>An attending member opens the draft in French and records their own position.</summary>
    async Task TakePositionAsync(string decisionUrl, string email, string name, string kind, string? text)
    {
        var page = await browser.SignedInPageAsync(email, locale: French);
        await page.GotoAsync(decisionUrl);
        await AssertFrenchPageAsync(page, $"draft decision seen by {name}");
        await page.GetByLabel(kind, new() { Exact = true }).CheckAsync();
        if (text is not null) await page.GetByLabel("Motif (obligatoire si vous n'êtes pas d'accord) ou commentaire").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer ma position" }).ClickAsync();
        await page.Locator("#decision-positions", new() { HasText = name }).WaitForAsync();
        (await page.Locator("#decision-positions").InnerTextAsync()).ShouldContain(kind);
        await page.Context.CloseAsync();
    }

    /// <summary>The page says it is French; English words in its main text are collected for the report.</summary>
    async Task AssertFrenchPageAsync(IPage page, string what)
    {
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(French, what);
        var text = await page.Locator("main").InnerTextAsync();
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var words = EnglishWords.Matches(line).Select(m => m.Value).Distinct().ToList();
            if (words.Count > 0) englishSeen.Add($"{what} ({new Uri(page.Url).AbsolutePath}): [{string.Join(", ", words)}] in \"{(line.Length > 160 ? line[..160] + "…" : line)}\"");
        }
    }
}
