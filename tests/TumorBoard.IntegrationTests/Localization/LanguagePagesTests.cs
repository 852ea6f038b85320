using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Localization;

/// <summary>
/// The pages' language (issue #15, part 1): chosen by <c>?culture=</c>, the account, the culture cookie or Accept-Language,
/// in that order; <c>html lang</c> follows; the language menu keeps the choice on the account (so a new browser opens in
/// it) and in the cookie; the API refuses a culture the board does not speak; German pages write Swiss dates.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class LanguagePagesTests(AppFixture app) : DatabaseTest(app)
{
    HttpClient Anonymous() => app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task The_query_string_picks_the_language_and_html_lang_follows()
    {
        using var client = Anonymous();
        var german = await client.GetAsync("/Account/SignIn?culture=de-CH");
        var html = await german.Content.ReadAsStringAsync();

        html.ShouldContain("<html lang=\"de-CH\">");
        html.ShouldContain("<h1>Anmelden</h1>");
        german.Content.Headers.ContentLanguage.ShouldContain("de-CH");
        (await client.GetStringAsync("/Account/SignIn")).ShouldContain("<html lang=\"en\">");
    }

    [Theory]
    [InlineData("fr-FR,fr;q=0.9", "fr-CH", "<h1>Se connecter</h1>")]
    [InlineData("it", "it-CH", "<h1>Accedi</h1>")]
    [InlineData("es-ES, de;q=0.5", "de-CH", "<h1>Anmelden</h1>")]
    [InlineData("ja-JP", "en", "<h1>Sign in</h1>")]
    public async Task Accept_language_picks_the_nearest_board_language(string header, string culture, string heading)
    {
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        request.Headers.TryAddWithoutValidation("Accept-Language", header);
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        html.ShouldContain($"<html lang=\"{culture}\">");
        html.ShouldContain(heading);
    }

    [Fact]
    public async Task The_language_menu_keeps_the_choice_on_the_account_so_a_new_browser_opens_in_it()
    {
        try
        {
            using var first = await PageClient.SignedInAsync(app, AppFixture.Clinician);
            var menu = await PageClient.PostFormAsync(first, "/Account/Language", new() { ["culture"] = "it-CH", ["returnUrl"] = "/Cases?culture=en" });
            menu.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            menu.Headers.Location!.OriginalString.ShouldBe("/Cases");   // the culture query would override the choice
            menu.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=c%3Dit-CH%7Cuic%3Dit-CH"));
            (await first.GetStringAsync("/")).ShouldContain("<h1>Benvenuto/a, ");

            using var second = await PageClient.SignedInAsync(app, AppFixture.Clinician);   // no culture cookie here
            var start = await second.GetStringAsync("/");
            start.ShouldContain("<html lang=\"it-CH\">");
            start.ShouldContain(">Casi</a>");
        }
        finally
        {
            using var api = await app.ClientAsync(AppFixture.Clinician);
            (await api.PutAsJsonAsync("/api/v1/accounts/me/language", new { culture = "en" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task A_culture_the_board_does_not_speak_is_refused_and_nothing_is_kept()
    {
        using var api = await app.ClientAsync(AppFixture.Coordinator);
        var problem = await (await api.PutAsJsonAsync("/api/v1/accounts/me/language", new { culture = "xx-YY" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("culture")[0].GetString()!.ShouldContain("de-CH, fr-CH, it-CH, en");

        using var pages = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var page = await PageClient.PostFormAsync(pages, "/Account/Language", new() { ["culture"] = "klingon", ["returnUrl"] = "/" });
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Choose one of the board&#x27;s languages");
        page.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeTrue();   // the renewed antiforgery cookie at most
        cookies!.ShouldNotContain(c => c.StartsWith(".AspNetCore.Culture"));
        (await pages.GetStringAsync("/")).ShouldContain("<html lang=\"en\">");
    }

    [Fact]
    public async Task German_pages_write_swiss_dates_and_the_api_stays_invariant()
    {
        var patient = await app.Send(AppFixture.Coordinator, TestData.Patient());
        await app.Send(AppFixture.Coordinator, TestData.Case(patient.Id));
        using var pages = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var german = await pages.GetStringAsync("/Cases?culture=de-CH");
        SwissDate().IsMatch(german).ShouldBeTrue("a registration day as dd.MM.yyyy");
        IsoDate().IsMatch(await pages.GetStringAsync("/Cases?culture=en")).ShouldBeTrue("English pages keep ISO days");

        using var api = await app.ClientAsync(AppFixture.Coordinator);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases");
        request.Headers.TryAddWithoutValidation("Accept-Language", "fr-CH");
        var json = await (await api.SendAsync(request)).Content.ReadAsStringAsync();
        json.ShouldContain("\"createdAt\":\"20");
    }

    /// <summary>The pages translated so far, rendered in German, carry none of their English words (the list grows with the
    /// translation; README "Languages" names what is still English).</summary>
    [Fact]
    public async Task Translated_pages_in_german_show_no_english_words()
    {
        string[] english = ["Sign in", "Sign out", "Password", "Welcome", "Language", "Change password", "Skip to content",
            "Register a case", "Find a patient", "Not allowed", "Calendar", "Meetings", "Worklist", "decision support is advisory"];
        using var pages = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        foreach (var path in new[] { "/", "/Account/Manage/ChangePassword", "/Account/Language", "/Account/AccessDenied", "/Error?code=404" })
        {
            // AccessDenied and the error page answer with their status (403, 404) and a page.
            var response = await pages.GetAsync(path + (path.Contains('?') ? "&" : "?") + "culture=de-CH");
            var text = VisibleText(await response.Content.ReadAsStringAsync());
            text.ShouldNotBeEmpty();
            foreach (var word in english) text.ShouldNotContain(word, Case.Sensitive, $"{path} shows \"{word}\" in de-CH");
        }
        var signIn = VisibleText(await Anonymous().GetStringAsync("/Account/SignIn?culture=de-CH"));
        foreach (var word in english) signIn.ShouldNotContain(word, Case.Sensitive, $"the sign-in page shows \"{word}\" in de-CH");
    }

    static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " "));

    [GeneratedRegex(@"<(script|style|head)[\s\S]*?</\1>")] private static partial Regex Scripts();
    [GeneratedRegex("<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex(@">\d{2}\.\d{2}\.20\d{2}<")] private static partial Regex SwissDate();
    [GeneratedRegex(@">20\d{2}-\d{2}-\d{2}<")] private static partial Regex IsoDate();
}
