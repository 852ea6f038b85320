using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// The decision form without JavaScript: the plan pre-filled from the submitted recommendations and saved as shown, the
/// conflicts of the plan on the form, and "More step rows" keeping what was typed.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class DecisionFormPrefillTests(AppFixture app) : DatabaseTest(app)
{
    static string RecordPath(Board b) => $"/Meetings/{b.MeetingId}/Decide/{b.ItemId}";

    async Task<HtmlForm> DecisionsToMakeAsync(HtmlForm form) => form
        .Set("Input.Content.Outcome", "TreatmentRecommendation")
        .Set("Input.Content.Intent", "LocalControl")
        .Set("Input.Content.Rationale", "As the specialists recommend.")
        .Set("Input.Content.NomsConcordance", "Concordant")
        .Set("Input.Content.PatientPreferences", "Wants to stay mobile.")
        .Set("Input.Content.ResponsibleClinicianId", (await app.UserIdAsync(AppFixture.Clinician)).ToString())
        .Set("Input.Content.FollowUpDate", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));

    [Fact]
    public async Task A_new_decision_form_is_prefilled_from_the_submitted_recommendations_and_saves_as_shown()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var html = await client.GetStringAsync(RecordPath(board));

        var form = HtmlForm.Of(html, "id=\"decision-form\"");
        form.Value("Input.Steps[0].Kind").ShouldBe("SeparationSurgery");
        form.Values("Input.Steps[0].TargetLevels").ShouldBe(["T5"]);
        form.Value("Input.Steps[0].Timing").ShouldBeNullOrEmpty();   // neurosurgery states no timing: the board chooses it
        form.Value("Input.Steps[1].Kind").ShouldBe("SbrtSrs");
        (form.Value("Input.Steps[1].DoseGy"), form.Value("Input.Steps[1].Fractions")).ShouldBe(("27", "3"));
        form.Value("Input.Steps[1].Timing").ShouldBe("AfterPreviousStep");   // postoperative SBRT after the surgery step
        form.Value("Input.Steps[2].Kind").ShouldBe("SystemicTherapy");
        form.Value("Input.Steps[3].Kind").ShouldBe("BoneModifyingAgent");
        form.Value("Input.Steps[4].Kind").ShouldBeNullOrEmpty();
        var text = WebUtility.HtmlDecode(html);
        text.ShouldContain("(pre-filled from the neurosurgery assessment)");
        text.ShouldContain("(pre-filled from the radiation oncology assessment)");
        text.ShouldContain("(pre-filled from the medical oncology assessment)");

        (await DecisionsToMakeAsync(form)).Set("Input.Steps[0].Timing", "Urgent")
            .Set("Input.Steps[2].Timing", "Soon").Set("Input.Steps[3].Timing", "Soon");
        var saved = await form.PostAsync(client, RecordPath(board));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var id = Guid.Parse(saved.Headers.Location!.ToString().Split('/').Last());
        var plan = (await app.Send(AppFixture.Coordinator, new GetDecision.Query(id))).Content.Plan;
        plan.Select(s => s.Kind).ShouldBe([PlanStepKind.SeparationSurgery, PlanStepKind.SbrtSrs, PlanStepKind.SystemicTherapy, PlanStepKind.BoneModifyingAgent]);
        (plan[1].DoseGy, plan[1].Fractions, plan[1].TargetLevels.Single()).ShouldBe((27m, 3, SpinalLevel.T5));
        plan[3].Details.ShouldBe("Denosumab");
    }

    [Fact]
    public async Task A_draft_is_shown_as_stored_not_prefilled()
    {
        var board = await BoardAsync(app);
        await RecordAsync(app, board);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var html = await client.GetStringAsync(RecordPath(board));

        HtmlForm.Of(html, "id=\"decision-form\"").Value("Input.Steps[2].Kind").ShouldBeNullOrEmpty();
        html.ShouldNotContain("pre-filled from");
    }

    [Fact]
    public async Task The_decision_form_flags_the_conflicts_of_the_plan_as_posted()
    {
        var board = await BoardAsync(app);   // NOMS: separation surgery then SRS; the case's lesion is T11-T12
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var form = HtmlForm.Of(await client.GetStringAsync(RecordPath(board)), "id=\"decision-form\"");
        foreach (var row in Enumerable.Range(0, 4))
            form.Set($"Input.Steps[{row}].Kind", "").Set($"Input.Steps[{row}].TargetLevels").Set($"Input.Steps[{row}].DoseGy", "")
                .Set($"Input.Steps[{row}].Fractions", "").Set($"Input.Steps[{row}].Timing", "").Set($"Input.Steps[{row}].Details", "");
        (await DecisionsToMakeAsync(form)).Set("Input.Content.Rationale", "")
            .Set("Input.Steps[0].Kind", "ConventionalEbrt").Set("Input.Steps[0].TargetLevels", "T11", "T12")
            .Set("Input.Steps[0].DoseGy", "20").Set("Input.Steps[0].Fractions", "5").Set("Input.Steps[0].Timing", "Soon");

        var refused = await form.PostAsync(client, RecordPath(board));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("Conflicts to resolve (");
        html.ShouldContain("NOMS suggests separation surgery followed by SRS, while the plan has conventional EBRT.");
        html.ShouldNotContain("Plan step 1 (conventional EBRT) targets");   // T11-T12 are the case's lesion levels
        (await app.QueryDbAsync(db => db.Decisions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task More_step_rows_without_JavaScript_keeps_what_was_typed_and_saves_nothing()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var html = await client.GetStringAsync(RecordPath(board));
        Regex.Matches(html, "data-plan-step").Count.ShouldBe(6);
        var form = HtmlForm.Of(html, "id=\"decision-form\"")
            .Set("Input.Content.Rationale", "Typed before asking for rows.")
            .Set("Input.Steps[0].Details", "Posterior approach").Set("Input.Steps[4].Kind", "ReferralPain")
            .Set("more", "Steps");

        var more = await form.PostAsync(client, RecordPath(board) + "?handler=MoreRows");

        more.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await more.Content.ReadAsStringAsync();
        Regex.Matches(again, "data-plan-step").Count.ShouldBe(9);
        var shown = HtmlForm.Of(again, "id=\"decision-form\"");
        shown.Value("Input.Content.Rationale").ShouldBe("Typed before asking for rows.");
        shown.Value("Input.Steps[0].Details").ShouldBe("Posterior approach");
        shown.Value("Input.Steps[1].DoseGy").ShouldBe("27");
        shown.Value("Input.Steps[4].Kind").ShouldBe("ReferralPain");
        shown.Names.ShouldContain("Input.Steps[8].Position");
        shown.Names.ShouldNotContain("Input.Steps[9].Position");
        again.ShouldNotContain("field-validation-error");
        (await app.QueryDbAsync(db => db.Decisions.CountAsync())).ShouldBe(0);
        // "Save decision" without JavaScript posts where the form says, never back to ?handler=MoreRows (item 11).
        HtmlForm.ActionOf(again, "id=\"decision-form\"", RecordPath(board) + "?handler=MoreRows").ShouldBe(RecordPath(board));
    }
}
