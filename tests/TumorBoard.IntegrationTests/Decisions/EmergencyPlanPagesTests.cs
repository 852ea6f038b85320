using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using static TumorBoard.IntegrationTests.Decisions.EmergencyPlanTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// The emergency plan page (issue #14 part 1) as a browser posts it, with antiforgery: the link from the case and fast-track
/// pages of a P1 case, the decision form (messages under the fields), then one signing panel per discipline with the
/// password re-entered (a wrong one under the field), and the signed plan with both names.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed partial class EmergencyPlanPagesTests(AppFixture app) : DatabaseTest(app)
{
    static string PlanPath(Guid caseId) => $"/Cases/{caseId}/EmergencyPlan";

    async Task<Dictionary<string, string>> FieldsAsync(string rationale = "MSCC at T5 with weakness: decompression tonight, then SBRT.")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Content.Outcome"] = "TreatmentRecommendation",
            ["Input.Content.Intent"] = "LocalControl",
            ["Input.Content.Rationale"] = rationale,
            ["Input.Content.NomsConcordance"] = "Concordant",
            ["Input.Content.PatientPreferences"] = "Wants to keep walking.",
            ["Input.Content.ResponsibleClinicianId"] = (await app.UserIdAsync(AppFixture.Neurosurgeon)).ToString(),
            ["Input.Content.FollowUpDate"] = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"),
            ["Input.Steps[0].Position"] = "1", ["Input.Steps[0].Kind"] = "SeparationSurgery", ["Input.Steps[0].Timing"] = "Emergency",
            ["Input.Steps[0].DoseGy"] = "", ["Input.Steps[0].Fractions"] = "", ["Input.Steps[0].Details"] = "",
            ["Input.Steps[0].TargetLevels[0]"] = "T5",
        };
        for (var row = 1; row < 6; row++)
            foreach (var f in new[] { "Position", "Kind", "DoseGy", "Fractions", "Timing", "Details" }) fields[$"Input.Steps[{row}].{f}"] = "";
        return fields;
    }

    static List<string> MessagesUnder(string html, string field) =>
        Regex.Matches(html, $@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>(?:<span[^>]*>)?([^<]+)<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(m => m.Length > 0).ToList();

    [Fact]
    public async Task A_P1_case_links_to_the_emergency_plan_and_a_routine_case_does_not()
    {
        var p1 = await P1CaseAsync(app);
        var routine = await MeetingTestData.ReadyCaseAsync(app, c => c with
            { Urgency = Urgency.Routine, Frankel = Domain.Clinical.FrankelGrade.E, Asia = null, Myelopathy = false, MsccSymptoms = [] });
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        (await client.GetStringAsync($"/Cases/Details/{p1}")).ShouldContain($"href=\"/Cases/{p1}/EmergencyPlan\"");
        (await client.GetStringAsync($"/FastTrack/Case/{p1}")).ShouldContain($"href=\"/Cases/{p1}/EmergencyPlan\"");
        (await client.GetStringAsync($"/Cases/Details/{routine}")).ShouldNotContain("EmergencyPlan");
        var coordinatorView = await client.GetStringAsync(PlanPath(p1));
        coordinatorView.ShouldContain("Emergency plan outside a meeting");
        coordinatorView.ShouldNotContain("Save emergency plan");   // coordinators read
    }

    [Fact]
    public async Task The_neurosurgeon_records_the_plan_and_both_disciplines_sign_it_on_the_page()
    {
        await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(2));
        var caseId = await P1CaseAsync(app);
        using var neurosurgeon = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);
        (await neurosurgeon.GetStringAsync(PlanPath(caseId))).ShouldContain("Save emergency plan");

        var invalid = await PageClient.PostFormAsync(neurosurgeon, PlanPath(caseId), await FieldsAsync(rationale: ""));
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await invalid.Content.ReadAsStringAsync(), "Input.Content.Rationale").ShouldContain("Give the rationale for the decision.");

        var saved = await PageClient.PostFormAsync(neurosurgeon, PlanPath(caseId), await FieldsAsync());
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draftId = (await app.Send(AppFixture.Coordinator, new ListCaseDecisions.Query(caseId))).ShouldHaveSingleItem().Id;
        var page = await neurosurgeon.GetStringAsync(PlanPath(caseId));
        page.ShouldContain("id=\"sign-Neurosurgery-form\"");
        page.ShouldNotContain("id=\"sign-RadiationOncology-form\"");   // the neurosurgeon signs for neurosurgery only

        var sign = new Dictionary<string, string>
        {
            ["Signature.DecisionId"] = draftId.ToString(), ["Signature.Discipline"] = "Neurosurgery", ["Signature.Password"] = "not-the-password",
        };
        var wrong = await PageClient.PostFormAsync(neurosurgeon, PlanPath(caseId) + "?handler=Sign", sign);
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await wrong.Content.ReadAsStringAsync();
        MessagesUnder(refused, "Signature.Password").ShouldContain("The password is not correct.");
        refused.ShouldNotContain("not-the-password");

        sign["Signature.Password"] = AppFixture.Password;
        var first = await PageClient.PostFormAsync(neurosurgeon, PlanPath(caseId) + "?handler=Sign", sign);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.ToString().ShouldBe(PlanPath(caseId));

        using var radOnc = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        var second = await PageClient.PostFormAsync(radOnc, PlanPath(caseId) + "?handler=Sign", new()
        {
            ["Signature.DecisionId"] = draftId.ToString(), ["Signature.Discipline"] = "RadiationOncology", ["Signature.Password"] = AppFixture.Password,
        });
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location!.ToString().ShouldBe($"/Decisions/{draftId}");

        var plan = await app.Send(AppFixture.Coordinator, new GetDecision.Query(draftId));
        plan.Status.ShouldBe(DecisionStatus.Signed);
        plan.Kind.ShouldBe(DecisionKind.EmergencyPlan);
        var details = WebUtility.HtmlDecode(await radOnc.GetStringAsync($"/Decisions/{draftId}"));
        details.ShouldContain("Emergency plan outside a meeting");
        details.ShouldContain("Signed: the current plan for this case, agreed outside a meeting.");
        details.ShouldNotContain("the current decision of the board");
        foreach (var s in plan.EmergencySignatures) details.ShouldContain(s.PrintedName);
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Status.ShouldBe(CaseStatus.Scheduled);
    }
}
