using System.Net;
using System.Text.Json;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Localization;

/// <summary>
/// Problem+json in the caller's language (issue #15, section 1): with Accept-Language the title and the field messages
/// are German or French; without it they stay English, byte for byte. The type, status and errors keys never change.
/// Needs the request localisation of Program.cs (UseRequestLocalization with de-CH, fr-CH, it-CH, en) and, for the
/// status-code pages' 404, <c>AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTexts.Customize)</c>.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LocalizedProblemTests(AppFixture app) : DatabaseTest(app)
{
    async Task<JsonElement> PostInvalidCaseAsync(string? language)
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        var body = TestData.Case(patientId) with { ClinicalQuestion = "" };
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = Api.Body(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_invalid_case_is_refused_in_swiss_german_when_the_client_asks_for_it()
    {
        var german = await PostInvalidCaseAsync("de-CH");
        var english = await PostInvalidCaseAsync(null);

        german.GetProperty("title").GetString().ShouldBe("Die Anfrage ist ungültig");
        german.GetProperty("errors").GetProperty("clinicalQuestion")[0].GetString()
            .ShouldBe("Geben Sie die klinische Fragestellung an das Board ein.");
        german.ErrorKeys().ShouldBe(english.ErrorKeys());
        german.GetProperty("type").GetString().ShouldBe(english.GetProperty("type").GetString());
        german.GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task Without_accept_language_the_problem_stays_english()
    {
        var english = await PostInvalidCaseAsync(null);

        english.GetProperty("title").GetString().ShouldBe("The request is invalid");
        english.GetProperty("errors").GetProperty("clinicalQuestion")[0].GetString().ShouldBe("Enter the clinical question for the board.");
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_in_french()
    {
        using var client = await app.ClientAsync(AppFixture.Clinician);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases/" + Guid.NewGuid());
        request.Headers.AcceptLanguage.ParseAdd("fr-CH");

        var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("title").GetString().ShouldBe("Introuvable");
    }

    [Fact]
    public async Task The_status_code_pages_404_title_is_german_for_a_german_client()
    {
        using var client = await app.ClientAsync(AppFixture.Clinician);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-list");
        request.Headers.AcceptLanguage.ParseAdd("de-CH, en;q=0.5");

        var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("title").GetString().ShouldBe("Nicht gefunden");
    }
}
