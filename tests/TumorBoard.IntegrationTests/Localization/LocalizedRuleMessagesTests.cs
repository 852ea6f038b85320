using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Localization;

/// <summary>
/// The business rules' refusals in the reader's language (issue #15, section 1): the problem+json <c>detail</c> of a 409 and
/// a 404 is French for a client sending <c>Accept-Language: fr-CH</c> and stays today's English without the header; a page
/// that shows a refusal in de-CH shows it in German. The exception's message (logs, audit) stays English throughout.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class LocalizedRuleMessagesTests(AppFixture app) : DatabaseTest(app)
{
    async Task<JsonElement> WithdrawAsync(HttpClient client, Guid caseId, string? language, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/withdraw") { Content = Api.Body(new { reason = "Declined" }) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        if (expected == HttpStatusCode.OK)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return default;
        }
        return await response.ShouldBeProblemAsync(expected);
    }

    [Fact]
    public async Task A_case_withdrawn_twice_is_refused_in_french_for_a_french_client_and_in_english_otherwise()
    {
        var (_, caseId) = await Api.CaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        await WithdrawAsync(client, caseId, null, HttpStatusCode.OK);

        var french = await WithdrawAsync(client, caseId, "fr-CH", HttpStatusCode.Conflict);
        var english = await WithdrawAsync(client, caseId, null, HttpStatusCode.Conflict);

        french.GetProperty("detail").GetString()
            .ShouldBe("Le cas a le statut «retiré»\u202F: seul un cas pas encore décidé peut être retiré.");
        english.GetProperty("detail").GetString().ShouldBe("The case is withdrawn: only a case not yet decided can be withdrawn.");
        english.GetProperty("title").GetString().ShouldBe("Conflict");
        french.GetProperty("status").GetInt32().ShouldBe(409);
        french.GetProperty("type").GetString().ShouldBe(english.GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_with_a_french_detail()
    {
        var id = Guid.NewGuid();
        using var client = await app.ClientAsync(AppFixture.Clinician);
        async Task<JsonElement> GetAsync(string? language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases/" + id);
            if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
            return await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        (await GetAsync("fr-CH")).GetProperty("detail").GetString().ShouldBe($"Cas {id} introuvable.");
        (await GetAsync("it-CH")).GetProperty("detail").GetString().ShouldBe($"Caso {id} non esiste.");
        (await GetAsync(null)).GetProperty("detail").GetString().ShouldBe($"Case {id} was not found.");
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionInput();

    async Task<string> MarkIncompleteCaseReadyOnThePageAsync(string culture)
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, c => c with { BrainMetastases = null });
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var page = await client.GetStringAsync($"/Cases/Details/{caseId}?culture={culture}");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageClient.AntiforgeryToken(page),
            ["Version"] = VersionInput().Match(page).Groups[1].Value,
        };
        using var response = await client.PostAsync($"/Cases/Details/{caseId}?handler=Ready&culture={culture}", new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);   // the form again, with the refusal at its top
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_shows_the_refusal_in_german_for_a_german_reader()
    {
        var german = await MarkIncompleteCaseReadyOnThePageAsync("de-CH");
        var english = await MarkIncompleteCaseReadyOnThePageAsync("en");

        german.ShouldContain("Der Fall ist nicht bereit für das Board. Es fehlt: ");
        german.ShouldNotContain("The case is not ready for the board.");
        english.ShouldContain("The case is not ready for the board. Missing: ");
    }
}
