using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Forms;

/// <summary>
/// Issue #17 item 9: a pre-filled form that comes back with a validation error keeps the "pre-filled" marker on every
/// pre-filled value still on the form unchanged, and drops it where the value was changed.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class PrefillMarkerPageTests(AppFixture app) : DatabaseTest(app)
{
    static int Markers(string html, string source) =>
        Regex.Matches(WebUtility.HtmlDecode(html), $@"data-prefilled> \(pre-filled from the {source} assessment\)").Count;

    [Fact]
    public async Task A_refused_decision_form_keeps_the_markers_of_the_untouched_prefilled_steps()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var path = $"/Meetings/{board.MeetingId}/Decide/{board.ItemId}";
        var html = await client.GetStringAsync(path);
        (Markers(html, "neurosurgery"), Markers(html, "radiation oncology"), Markers(html, "medical oncology")).ShouldBe((1, 1, 2));
        var form = HtmlForm.Of(html, "id=\"decision-form\"")
            .Set("Input.Content.Outcome", "TreatmentRecommendation")
            .Set("Input.Content.Intent", "LocalControl")
            .Set("Input.Content.Rationale", "As the specialists recommend.")
            .Set("Input.Content.NomsConcordance", "Concordant")
            .Set("Input.Content.ResponsibleClinicianId", (await app.UserIdAsync(AppFixture.Clinician)).ToString())
            .Set("Input.Content.FollowUpDate", "1900-01-01")                 // the one invalid field
            .Set("Input.Steps[0].Timing", "Urgent")                          // added where the pre-fill left it blank
            .Set("Input.Steps[2].Timing", "Soon").Set("Input.Steps[3].Timing", "Soon")
            .Set("Input.Steps[3].Details", "Zoledronic acid");               // a pre-filled value changed

        var refused = await form.PostAsync(client, path);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await refused.Content.ReadAsStringAsync();
        Regex.IsMatch(again, "data-valmsg-for=\"Input.Content.FollowUpDate\"[^>]*>[^<]+").ShouldBeTrue("the error under the follow-up date");
        (Markers(again, "neurosurgery"), Markers(again, "radiation oncology"), Markers(again, "medical oncology")).ShouldBe((1, 1, 1));
        var shown = HtmlForm.Of(again, "id=\"decision-form\"");
        (shown.Value("Input.Steps[3].Details"), shown.Value("Input.Steps[0].Timing")).ShouldBe(("Zoledronic acid", "Urgent"));
        var rows = Regex.Split(WebUtility.HtmlDecode(again), "data-plan-step data-row");
        rows[4].ShouldContain("value=\"Zoledronic acid\"");
        rows[4].ShouldNotContain("data-prefilled");                         // the changed step is the typed one now
        rows[1].ShouldContain("data-prefilled> (pre-filled from the neurosurgery assessment)");
    }

    [Fact]
    public async Task A_refused_medical_oncology_form_keeps_the_markers_of_the_untouched_prefilled_fields()
    {
        var caseId = await MeetingTestData.ReadyCaseAsync(app, c => c with { CurrentSystemicTherapy = "Letrozole and palbociclib" });
        var client = await PageClient.SignedInAsync(app, AppFixture.MedOnc);
        var path = $"/Cases/{caseId}/Assessments/MedicalOncology";
        var html = await client.GetStringAsync(path);
        html.ShouldContain("data-prefilled=\"Ecog\"");
        html.ShouldContain("data-prefilled=\"SystemicTherapyText\"");
        var form = HtmlForm.Of(html, "data-assessment-form")
            .Set("Input.Ecog", "7")                                          // the one invalid field, pre-filled 1
            .Set("Input.SystemicTherapyText", "Fulvestrant");                // a pre-filled value changed

        var refused = await form.PostAsync(client, path + "?handler=Save");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await refused.Content.ReadAsStringAsync();
        again.ShouldContain("ECOG is 0 to 4.");
        foreach (var untouched in new[] { "TokuhashiPrimarySite", "TomitaPrimaryGrowth", "VisceralMetastases", "Karnofsky", "Frankel",
                     "ExtraspinalBoneMetastases", "VertebralBodyMetastases", "TomitaBoneMetastases" })
            again.ShouldContain($"data-prefilled=\"{untouched}\">(pre-filled from the case)");
        again.ShouldNotContain("data-prefilled=\"Ecog\"");
        again.ShouldNotContain("data-prefilled=\"SystemicTherapyText\"");
        HtmlForm.Of(again, "data-assessment-form").Value("Input.SystemicTherapyText").ShouldBe("Fulvestrant");
    }
}
