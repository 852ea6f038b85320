using System.Net;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.EmergencyPlanTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// Who reaches the emergency plan page of a P1 case (issue #14 part 1), as a browser does: coordinators and specialists read
/// it, clinicians and the administrator are refused, an anonymous visitor is sent to sign in; only neurosurgery and radiation oncology save the plan
/// and sign it, each for its own discipline (the form posts, with antiforgery, answer 403 to everyone else).
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class EmergencyPlanPageRoleTests(AppFixture app) : DatabaseTest(app)
{
    const int Ok = 200, Redirect = 302, Forbidden = 403;

    public static TheoryData<string, int, int, int> Rows() => new()
    {
        // who, GET the page, POST the plan, POST a signature (for their own discipline; neurosurgery for those without one)
        { "Coordinator", Ok, Forbidden, Forbidden },
        { "MedOnc", Ok, Forbidden, Forbidden },
        { "RadOnc", Ok, Redirect, Redirect },
        { "Neurosurgeon", Ok, Redirect, Redirect },
        // A clinician reads a signed plan on its decision page; this page is the form, so as the board's own decision form
        // (Decisions/Record) it is refused to them (and the case page shows them no link to it).
        { "Clinician", Forbidden, Forbidden, Forbidden },
        { "Admin", Forbidden, Forbidden, Forbidden },
    };

    static string Email(string who) => who switch
    {
        "Coordinator" => AppFixture.Coordinator, "MedOnc" => AppFixture.MedOnc, "RadOnc" => AppFixture.RadOnc,
        "Neurosurgeon" => AppFixture.Neurosurgeon, "Clinician" => AppFixture.Clinician, _ => AppFixture.Admin,
    };

    static string PlanPath(Guid caseId) => $"/Cases/{caseId}/EmergencyPlan";

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Answers_each_role_on_the_emergency_plan_page(string who, int get, int savePlan, int sign)
    {
        var email = Email(who);
        var forPlan = await P1CaseAsync(app);
        var forSignature = await P1CaseAsync(app);
        var draft = await DraftAsync(app, forSignature);
        using var client = await PageClient.SignedInAsync(app, email);

        ((int)(await client.GetAsync(PlanPath(forPlan))).StatusCode).ShouldBe(get, $"GET as {who}");

        // The posts carry a valid antiforgery token of the session (from a form every account has), so only the role decides.
        var token = PageClient.AntiforgeryToken(await client.GetStringAsync("/Account/Manage/ChangePassword"));
        var plan = await PostAsync(client, PlanPath(forPlan), token, await PlanFieldsAsync());
        ((int)plan.StatusCode).ShouldBe(savePlan, $"POST the plan as {who}: {await plan.Content.ReadAsStringAsync()}");
        var signature = await PostAsync(client, PlanPath(forSignature) + "?handler=Sign", token, new()
        {
            ["Signature.DecisionId"] = draft.Id.ToString(),
            ["Signature.Discipline"] = email == AppFixture.RadOnc ? "RadiationOncology" : "Neurosurgery",
            ["Signature.Password"] = AppFixture.Password,
        });
        ((int)signature.StatusCode).ShouldBe(sign, $"POST a signature as {who}");

        (await app.Send(AppFixture.Coordinator, new ListCaseDecisions.Query(forPlan))).Count.ShouldBe(savePlan == Redirect ? 1 : 0);
        (await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id))).EmergencySignatures.Count.ShouldBe(sign == Redirect ? 1 : 0);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var caseId = await P1CaseAsync(app);
        using var client = app.App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(PlanPath(caseId));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The fields of <see cref="EmergencyPlanPagesTests"/>: a plan the neurosurgeon saves.</summary>
    async Task<Dictionary<string, string>> PlanFieldsAsync()
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Content.Outcome"] = "TreatmentRecommendation",
            ["Input.Content.Intent"] = "LocalControl",
            ["Input.Content.Rationale"] = "MSCC at T5 with weakness: decompression tonight, then SBRT.",
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
}
