using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Localization;

/// <summary>
/// Issue #15 part 1: a French page (comma decimal) still reads what its number and date inputs send ("8.5", ISO days)
/// and writes their values back in the same machine form, so a dose typed on a fr-CH page is the dose stored.
/// </summary>
[Collection(MeetingsDatabase.Name)]
public sealed partial class CultureFormValuesTests(AppFixture app) : DatabaseTest(app)
{
    [Theory]
    [InlineData("fr-CH")]
    [InlineData("de-CH")]
    [InlineData("it-CH")]
    public async Task A_decimal_dose_saved_on_a_page_in_another_language_is_the_dose_stored(string culture)
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        var path = $"/Cases/{caseId}/Assessments/RadiationOncology";
        var form = HtmlForm.Of(await client.GetStringAsync($"{path}?culture={culture}"), "data-assessment-form")
            .Set("Input.TotalDoseGy", "8.5").Set("Input.Fractions", "1");

        var saved = await form.PostAsync(client, $"{path}?handler=Save&culture={culture}");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        foreach (var language in new[] { culture, "en" })
        {
            var page = await client.GetStringAsync($"{path}?culture={language}");
            DoseInput().Match(page).Groups["value"].Value.ShouldBe("8.5", $"the number input on the {language} page");
        }
        using var api = await app.ClientAsync(AppFixture.RadOnc);
        var json = await api.GetStringAsync($"/api/v1/cases/{caseId}/assessments");
        json.ShouldContain("\"totalDoseGy\":8.5");
    }

    [GeneratedRegex("<input[^>]*name=\"Input.TotalDoseGy\"[^>]*value=\"(?<value>[^\"]*)\"|<input[^>]*value=\"(?<value>[^\"]*)\"[^>]*name=\"Input.TotalDoseGy\"")]
    private static partial Regex DoseInput();
}
