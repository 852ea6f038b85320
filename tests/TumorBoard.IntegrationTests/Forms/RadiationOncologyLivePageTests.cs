using System.Net;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Forms;

/// <summary>
/// Issue #17 item 10 for the radiation oncology form: the live result (?handler=Radiotherapy, what assessment-forms.js
/// asks for) is the domain's evaluation of the fields as they stand, nothing stored; without JavaScript the result of the
/// saved version stays next to the inputs.
/// </summary>
[Collection(MeetingsDatabase.Name)]
public sealed class RadiationOncologyLivePageTests(AppFixture app) : DatabaseTest(app)
{
    static RegisterCase.Command WithPriorCourse(RegisterCase.Command c) => c with
    {
        PriorRadiotherapy = [new RadiotherapyInput { LevelFrom = SpinalLevel.T11, LevelTo = SpinalLevel.T11, TotalDoseGy = 30, Fractions = 10,
            EndDate = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-1)) }],
    };

    [Fact]
    public async Task The_live_result_gives_dose_per_fraction_radiosensitivity_and_prior_courses_and_stores_nothing()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, WithPriorCourse);
        using var client = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        var path = $"/Cases/{caseId}/Assessments/RadiationOncology";

        var live = WebUtility.HtmlDecode(await client.GetStringAsync(path +
            "?handler=Radiotherapy&Input.TotalDoseGy=24&Input.Fractions=3&Input.TargetLevels=T11&Input.TargetLevels=T12&Input.RadiosensitivityOverride=Resistant"));

        live.ShouldContain("<span hidden data-points-of=\"DosePerFraction\">8 Gy per fraction</span>");
        live.ShouldContain("<span hidden data-points-of=\"Radiosensitivity\">Resistant (your override)</span>");
        live.ShouldContain("<span hidden data-points-of=\"PriorAtTargets\">prior radiotherapy here: T11 30 Gy in 10 fractions</span>");
        live.ShouldContain("re-irradiation is not flagged");
        live.ShouldNotContain("<main");

        var other = WebUtility.HtmlDecode(await client.GetStringAsync(path + "?handler=Radiotherapy&Input.TargetLevels=L3&Input.TotalDoseGy=abc&Input.Fractions=0"));
        other.ShouldContain("no prior radiotherapy at these levels");
        other.ShouldContain("Sensitive (the table's class)");
        other.ShouldContain("<span hidden data-points-of=\"DosePerFraction\"></span>");   // no dose per fraction without a dose
        (await app.Send(AppFixture.RadOnc, new Application.Features.Assessments.ListAssessments.Query(caseId))).Assessments.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_JavaScript_the_saved_result_stands_next_to_the_inputs()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, WithPriorCourse);
        using var client = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        var path = $"/Cases/{caseId}/Assessments/RadiationOncology";
        var before = await client.GetStringAsync(path);
        before.ShouldContain("data-points=\"DosePerFraction\"></span>");
        var form = HtmlForm.Of(before, "data-assessment-form")
            .Set("Input.TotalDoseGy", "20").Set("Input.Fractions", "5").Set("Input.Reirradiation", "true");

        var saved = await form.PostAsync(client, path + "?handler=Save");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        page.ShouldContain("data-points=\"DosePerFraction\">4 Gy per fraction</span>");
        page.ShouldContain("data-points=\"Radiosensitivity\">Sensitive (the table's class)</span>");
        page.ShouldContain("data-points=\"PriorAtTargets\">prior radiotherapy here: T11 30 Gy in 10 fractions</span>");
        page.ShouldContain("Radiosensitivity: Sensitive (the table's class) · dose per fraction: 4 Gy");
    }
}
