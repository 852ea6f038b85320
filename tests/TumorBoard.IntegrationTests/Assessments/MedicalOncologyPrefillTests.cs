using System.Net;
using System.Text.Json;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Assessments;

/// <summary>The medical oncology form of a new assessment, pre-filled from the case by the PrefillMedicalOncology query.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed class MedicalOncologyPrefillTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task A_new_medical_oncology_form_is_prefilled_from_the_case_marks_each_value_and_saves_it()
    {
        // TestData.Case: breast primary, lesion T11-T12, 2 extraspinal bone metastases, no visceral or brain metastases.
        var caseId = await MeetingTestData.ReadyCaseAsync(app, c => c with { CurrentSystemicTherapy = "Letrozole and palbociclib" });
        var client = await PageClient.SignedInAsync(app, AppFixture.MedOnc);
        var path = $"/Cases/{caseId}/Assessments/MedicalOncology";

        var html = await client.GetStringAsync(path);

        var form = HtmlForm.Of(html, "data-assessment-form");
        form.Value("Input.TokuhashiPrimarySite").ShouldBe("Breast");
        form.Value("Input.TomitaPrimaryGrowth").ShouldBe("Slow");
        form.Value("Input.VisceralMetastases").ShouldBe("None");
        form.Value("Input.TomitaVisceral").ShouldBe("None");
        form.Value("Input.BrainMetastases").ShouldBe("false");
        form.Value("Input.ExtraspinalBoneMetastases").ShouldBe("2");
        form.Value("Input.VertebralBodyMetastases").ShouldBe("2");
        form.Value("Input.TomitaBoneMetastases").ShouldBe("Multiple");
        form.Value("Input.SystemicTherapyText").ShouldBe("Letrozole and palbociclib");
        html.ShouldContain("data-prefilled=\"TokuhashiPrimarySite\">(pre-filled from the case)");
        html.ShouldContain("data-prefilled=\"SystemicTherapyText\">(pre-filled from the case)");
        html.ShouldNotContain("data-prefilled=\"ExpectedSurvival\"");

        var saved = await form.PostAsync(client, path + "?handler=Save");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var stored = (await app.Send(AppFixture.MedOnc, new ListAssessments.Query(caseId))).Assessments
            .Single(a => a.Discipline == Discipline.MedicalOncology).Content
            .Deserialize<MedicalOncologyContent>(AssessmentJson.Options)!;
        (stored.TokuhashiPrimarySite, stored.TomitaPrimaryGrowth, stored.TomitaBoneMetastases)
            .ShouldBe((TokuhashiPrimarySite.Breast, TomitaPrimaryGrowth.Slow, TomitaBoneMetastases.Multiple));
        stored.SystemicTherapyText.ShouldBe("Letrozole and palbociclib");
        (await client.GetStringAsync(path)).ShouldNotContain("pre-filled from the case");   // a saved version shows as stored
    }
}
